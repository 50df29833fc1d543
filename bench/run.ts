// `npm run bench [-- name...]`: runs the benchmarks (all, or those named) and prints their figures. Targets live
// here, never in tests: timing belongs to a quiet machine, not to CI.
import { benchAtom } from "./atom";
import { benchGraphql } from "./graphql";
import { benchJsr } from "./jsr";
import { benchScale, benchStart } from "./scale";
import { benchWeb } from "./web";

const BENCHMARKS: Array<[string, () => Promise<Record<string, string>>]> = [
  ["jsr", benchJsr],
  ["atom", benchAtom],
  ["graphql", benchGraphql],
  ["start", benchStart],
  ["scale", benchScale],
  ["web", benchWeb],
];

async function main(): Promise<void> {
  const chosen = process.argv.slice(2);
  for (const [name, run] of BENCHMARKS.filter(([name]) => chosen.length === 0 || chosen.includes(name))) {
    console.log(`== ${name}`);
    for (const [figure, value] of Object.entries(await run())) console.log(`${figure.padEnd(40)} ${value}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
