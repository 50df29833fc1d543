// A search whose words or name match more packages than it probes (2,000): it ranks the 300 most downloaded, and
// its next runs start by walking the packages in the order of downloads (storage/queries/common-searches.ts). Each
// run must find exactly what the first found, also once the search has become narrow again.
import { query } from "./support/server";
import { uniqueName, useWharf } from "./support/world";

const world = useWharf();

const MATCHING = 2_400;

interface Found {
  names: string[];
  total: number;
}

/** A search worked out by the database every time (no-cache): the rows change behind Wharf's back, and each run is what is tested. */
async function search(q: string, page = 1): Promise<Found> {
  const res = await world.anonymous.get(`/atom/api/packages/search?q=${encodeURIComponent(q)}&page=${page}`, { headers: { "cache-control": "no-cache" } });
  expect(res.status).toBe(200);
  return { names: res.body.map((p: { name: string }) => p.name), total: Number(res.headers.get("query-total")) };
}

/** The names of the packages matching, most downloaded first (ties by name), as the database holds them. */
async function mostDownloaded(prefix: string): Promise<string[]> {
  const rows = await query<{ name: string }>(
    world.server.databaseUrl,
    "SELECT name FROM atom_packages WHERE name LIKE $1 || '-%' ORDER BY downloads DESC, name COLLATE \"C\"",
    [prefix],
  );
  return rows.map((r) => r.name);
}

it("finds the same packages for a broad search on every run, and after it has become narrow", async () => {
  const marker = uniqueName("broad");
  const word = uniqueName("word");
  // Every package has the word in its description and the marker in its name; downloads in a scrambled order.
  await query(
    world.server.databaseUrl,
    `INSERT INTO atom_packages (name, owner, repository, metadata, readme, downloads)
     SELECT $1 || '-' || i, 'fixture', 'fixture/' || $1 || '-' || i,
            jsonb_build_object('name', $1 || '-' || i, 'version', '1.0.0', 'description', 'Says ' || $2 || ' to number ' || i),
            '', (i * 7919) % 100003
     FROM generate_series(1, $3::int) AS i`,
    [marker, word, MATCHING],
  );
  const ranked = await mostDownloaded(marker);
  // The word's matches rank equally: the 300 most downloaded, in the order of downloads.
  for (let run = 0; run < 3; run++) {
    expect(await search(word)).toEqual({ names: ranked.slice(0, 30), total: 300 });
    expect(await search(word, 10)).toEqual({ names: ranked.slice(270, 300), total: 300 });
  }

  // A package named exactly as the query comes first, though far too little downloaded to be among the 300.
  await query(
    world.server.databaseUrl,
    `INSERT INTO atom_packages (name, owner, repository, metadata, downloads) VALUES ($1, 'fixture', 'fixture/' || $1, jsonb_build_object('name', $1), 0)`,
    [marker],
  );
  const byName = await search(marker);
  expect(byName.names[0]).toBe(marker);
  expect(byName.names.slice(1).every((name) => name.startsWith(`${marker}-`))).toBe(true);
  for (let run = 0; run < 2; run++) expect(await search(marker)).toEqual(byName);

  // Narrow again: all but 50 are gone, fewer than a walk of the most downloaded can find.
  await query(world.server.databaseUrl, `DELETE FROM atom_packages WHERE name LIKE $1 || '-%' AND NOT (name = ANY($2::text[]))`, [marker, ranked.slice(-50)]);
  const left = await mostDownloaded(marker);
  expect(left).toHaveLength(50);
  for (let run = 0; run < 2; run++) {
    expect(await search(word)).toEqual({ names: left.slice(0, 30), total: 50 });
    expect(await search(word, 2)).toEqual({ names: left.slice(30), total: 50 });
  }
});
