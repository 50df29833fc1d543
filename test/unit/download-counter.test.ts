// The batching download counter: every download in exactly one written batch, also when a write fails.
import { createDownloadCounter, type DownloadTally } from "../../src/services/shared/download-counter";
import { createLogger } from "../../src/logger";

const quiet = createLogger("silent");
const total = (batches: DownloadTally[][]) => batches.flat().reduce((sum, t) => sum + t.count, 0);

it("writes nothing until settled, then each count once, merged per package and version", async () => {
  const batches: DownloadTally[][] = [];
  const counter = createDownloadCounter(async (tallies) => void batches.push(tallies), quiet, { flushMs: 60_000 });
  expect(counter.isSettled()).toBe(true);
  for (let i = 0; i < 5; i++) counter.count("a", "1.0.0");
  counter.count("b");
  expect(batches).toEqual([]);
  expect(counter.isSettled()).toBe(false);
  await counter.settled();
  expect(counter.isSettled()).toBe(true);
  expect(batches).toHaveLength(1);
  expect(batches[0].map(({ name, version, count }) => [name, version, count])).toEqual([["a", "1.0.0", 5], ["b", "", 1]]);
  await counter.settled();
  expect(batches).toHaveLength(1);
  await counter.stop();
});

it("writes at flushAt without waiting, and keeps counts a failed write left for the next batch", async () => {
  const batches: DownloadTally[][] = [];
  let fail = true;
  const counter = createDownloadCounter(
    async (tallies) => {
      if (fail) throw new Error("database down");
      batches.push(tallies);
    },
    quiet,
    { flushMs: 60_000, flushAt: 3 },
  );
  for (let i = 0; i < 3; i++) counter.count("a");
  await counter.settled();
  expect(batches).toEqual([]);
  fail = false;
  counter.count("a");
  await counter.stop();
  expect(total(batches)).toBe(4);
  expect(() => counter.count("a")).toThrow("stopped");
});
