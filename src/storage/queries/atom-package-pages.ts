// Finding Atom packages: a listing page or a search page is one SQL statement
// (the page, each package's star count and versions, and the total), so its
// cost does not grow with the registry.
import { Prisma } from "../../generated/prisma/client";
import type { SqlReader } from "../sql-reader";
import { lastBreadth, rememberBreadth } from "./common-searches";
import { PACKAGE_SUMMARY_COLUMNS, summaryOf, type AtomPackageRow, type AtomPackageSummary } from "./atom-package-summary";

export type AtomSort = "downloads" | "created_at" | "updated_at" | "stars" | "name";

export interface AtomPageRequest {
  offset: number;
  limit: number;
  /** Relevance (the default for a search) or a column; stars sort most-starred first only. */
  sort?: AtomSort;
  direction: "asc" | "desc";
  filter?: AtomFilter;
}

/** Pulsar's filters on lists and searches; each one given narrows the candidates. */
export interface AtomFilter {
  /** Packages of this owner (a login or scope name). */
  owner?: string;
  /** Packages whose grammars declare this file extension. */
  fileExtension?: string;
  /** Packages providing or consuming a service (at a version of it, if given), as their package.json declares. */
  service?: { type: "providedServices" | "consumedServices"; name: string; version?: string };
  /** Themes only: packages whose package.json has "theme": "syntax" or "ui". */
  themes?: boolean;
}

/** A package is a theme when its package.json says which kind, as Pulsar decides it. */
const IS_THEME = Prisma.sql`lower(p.metadata->>'theme') IN ('syntax', 'ui')`;

/** The filter's conditions on atom_packages rows aliased p, each after an AND (nothing for no filter). */
function filterConditions(filter: AtomFilter | undefined): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter?.owner !== undefined) conditions.push(Prisma.sql`p.owner = ${filter.owner}`);
  if (filter?.fileExtension !== undefined) conditions.push(Prisma.sql`${filter.fileExtension} = ANY(p.file_extensions)`);
  if (filter?.service) {
    const { type, name, version } = filter.service;
    const declared = Prisma.sql`p.metadata -> ${type} -> ${name}`;
    conditions.push(version === undefined ? Prisma.sql`${declared} IS NOT NULL` : Prisma.sql`${declared} -> 'versions' -> ${version} IS NOT NULL`);
  }
  if (filter?.themes) conditions.push(IS_THEME);
  return conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

const isFiltered = (filter: AtomFilter | undefined) => filterConditions(filter) !== Prisma.empty;

/** A search ranks at most this many matches. */
export const SEARCH_LIMIT = 1000;
/**
 * Of the names containing a search's query, and of the packages with its words, a search ranks the most downloaded
 * this many each (10 pages): ranking every package that shares a common word was most of a search's cost.
 */
const CANDIDATES = 300;
/** How many matches a search takes in no order before it reads them in the order of downloads instead. */
const PROBED = 2000;
/** How many packages, most downloaded first, a search that starts by walking them reads before it probes instead. */
const WALKED = 3000;
/** Typo tolerance takes the names nearest the query, at most this many. */
const NEAREST_NAMES = 100;


const SORT_COLUMNS: Record<AtomSort, string> = {
  downloads: "downloads",
  created_at: "created_at",
  updated_at: "updated_at",
  stars: "star_count",
  name: "name",
};

function orderBy(request: AtomPageRequest, relevance: boolean): Prisma.Sql {
  // The name breaks ties, so that pages never overlap or skip.
  if (!request.sort && relevance) return Prisma.sql`score DESC, downloads DESC, name`;
  const sort = request.sort ?? "downloads";
  const direction = sort === "stars" || request.direction === "desc" ? "DESC" : "ASC";
  return Prisma.raw(`${SORT_COLUMNS[sort]} ${direction}, name`);
}


/** What a page is taken from: atom_packages rows with a score, under the alias p, and how many there are. */
interface Candidates {
  /** A WITH clause the other parts may use, or nothing. */
  with: Prisma.Sql;
  from: Prisma.Sql;
  count: Prisma.Sql;
  /** `from` holds only the page already. */
  paged?: boolean;
  /** Columns the caller reads once, each after a comma (the same on every row). */
  facts?: Prisma.Sql;
}

const SUMMARY_COLUMNS = Prisma.raw(PACKAGE_SUMMARY_COLUMNS);


/**
 * One page of the candidates, each with its star count and versions, how many candidates there are, and the
 * candidates' facts: one statement.
 */
async function pageOf<Facts extends object = object>(
  sql: SqlReader,
  candidates: Candidates,
  request: AtomPageRequest,
  relevance: boolean,
): Promise<{ items: AtomPackageSummary[]; total: number; facts: Facts }> {
  const order = orderBy(request, relevance);
  const window = candidates.paged ? Prisma.empty : Prisma.sql`LIMIT ${request.limit} OFFSET ${request.offset}`;
  const facts = candidates.facts ?? Prisma.empty;
  const rows = await sql.rows<AtomPackageRow & { total: number } & Facts>(Prisma.sql`
    ${candidates.with}
    SELECT ${SUMMARY_COLUMNS}, (${candidates.count}) AS total ${facts}
    FROM (SELECT * FROM ${candidates.from} ORDER BY ${order} ${window}) p
    ORDER BY ${order}`);
  // A page past the end has no row to carry the total.
  const head = rows[0] ?? (await sql.rows<{ total: number } & Facts>(Prisma.sql`${candidates.with} SELECT (${candidates.count}) AS total ${facts}`))[0];
  return { total: head.total, items: rows.map(summaryOf), facts: head };
}

/** The summaries of the packages named (current names only), in one statement. */
export async function atomPackagesNamed(sql: SqlReader, names: readonly string[]): Promise<AtomPackageSummary[]> {
  const rows = await sql.rows<AtomPackageRow>(Prisma.sql`SELECT ${SUMMARY_COLUMNS} FROM atom_packages p WHERE p.name = ANY(${[...names]}::text[])`);
  return rows.map(summaryOf);
}

/** Every package (that the filter keeps), in the order asked for. */
export function listAtomPackages(sql: SqlReader, request: AtomPageRequest) {
  // The page's names are found first, ordering narrow rows (or reading the order's index) and stopping at the page;
  // only its rows are read whole. Ordering whole rows, page 300 sorted every package's README and spilled to disk.
  // The page's size is written into the statement: a prepared statement's generic plan takes a LIMIT parameter for
  // a tenth of the table, so that every page was planned again (a third of its cost); with it, one plan serves all.
  const where = filterConditions(request.filter);
  const order = orderBy(request, false);
  const limit = Prisma.raw(String(Number.isSafeInteger(request.limit) ? Math.max(0, request.limit) : 0));
  const candidates = {
    with: Prisma.empty,
    from: Prisma.sql`(
      SELECT p.*, 0 AS score FROM atom_packages p
      WHERE p.name IN (SELECT p.name FROM atom_packages p WHERE true ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${request.offset})) p`,
    paged: true,
    // Unfiltered, the count is kept in a row; filtered, counted.
    count: isFiltered(request.filter) ? Prisma.sql`SELECT count(*)::int FROM atom_packages p WHERE true ${where}` : Prisma.sql`SELECT count FROM atom_package_count`,
  };
  return pageOf(sql, candidates, request, false);
}

/** The packages staff featured (themes, or the others), by name; Pulsar does not page them. */
export async function featuredAtomPackages(sql: SqlReader, themes: boolean): Promise<AtomPackageSummary[]> {
  const rows = await sql.rows<AtomPackageRow>(Prisma.sql`
    SELECT ${SUMMARY_COLUMNS} FROM atom_packages p
    WHERE p.featured_at IS NOT NULL AND ${themes ? IS_THEME : Prisma.sql`NOT coalesce(${IS_THEME}, false)`}
    ORDER BY p.name LIMIT ${SEARCH_LIMIT}`);
  return rows.map(summaryOf);
}

/**
 * The full-text query for a search: its words as PostgreSQL's parser reads them (as the stored vector was read),
 * or, the last word being typed, that word as a prefix ("syntax highl" finds "syntax highlighting").
 */
function textQuery(text: string): Prisma.Sql {
  const words = Prisma.sql`websearch_to_tsquery('simple', ${text})`;
  // Only letters and digits go into the prefix's quotes; a prefix under 3 characters would match half the registry.
  const last = /(?:^|[^\p{L}\p{N}])([\p{L}\p{N}]{3,})$/u.exec(text);
  if (!last) return words;
  const before = text.slice(0, text.length - last[1].length).trim();
  const prefix = Prisma.sql`to_tsquery('simple', ${`'${last[1]}':*`})`;
  // An empty websearch_to_tsquery is harmless but sends a NOTICE with every one-word search.
  return Prisma.sql`(${words} || ${before ? Prisma.sql`(websearch_to_tsquery('simple', ${before}) && ${prefix})` : prefix})`;
}

/** What a search's candidates carry from their rows, aliased p: what ranks and sorts them. */
const CANDIDATE_COLUMNS = Prisma.sql`p.name, p.downloads, p.star_count, p.created_at, p.updated_at, p.search_vector`;

/** A condition's WITH clauses, and how a search tells what they saw. */
interface MostDownloaded {
  /** WITH clauses: `${name}_walk`, `${name}_few`, and `${name}`, the candidates. */
  clauses: Prisma.Sql;
  /** True when the candidates are none. */
  none: Prisma.Sql;
  /** True when `${name}_few` holds every match (else it holds none, or too many to keep). */
  allFew: Prisma.Sql;
  /** Whether the condition matched many packages: the next run of the search should start by walking. */
  broad: Prisma.Sql;
}

/**
 * At most CANDIDATES packages meeting a condition on rows aliased p, the most downloaded. The plan must not depend on
 * how many match, which a prepared statement's plan cannot know, and the two ways suit opposite cases:
 * - probing: `${name}_few` takes up to PROBED + 1 through the condition's index, in no order, and when no more match,
 *   the most downloaded of those are kept; only when more match (at 10,000 packages, a fifth of them) is the
 *   (downloads DESC, name) index read until CANDIDATES have met the condition, which then takes few rows;
 * - walking, for a search that matched many packages last time (common-searches.ts): `${name}_walk` reads the
 *   WALKED most downloaded packages until CANDIDATES have met the condition, which a broad condition does early;
 *   when fewer do, the search probes as above.
 * Either way the candidates are the same. A search that walks tells whether its walk found enough; one that probes,
 * whether its probe found too many.
 */
function mostDownloaded(name: string, condition: Prisma.Sql, walks: boolean): MostDownloaded {
  const walk = Prisma.raw(`${name}_walk`);
  const few = Prisma.raw(`${name}_few`);
  // Written into the text, so that each way is a statement with its own plan; LIMIT 0 reads nothing.
  const walked = Prisma.raw(String(walks ? WALKED : 0));
  const walkFound = Prisma.sql`(SELECT count(*) FROM ${walk}) = ${CANDIDATES}`;
  // The probe kept every match it found, or found more than it keeps.
  const fewKept = Prisma.sql`(SELECT count(*) FROM ${few}) <= ${PROBED}`;
  const fewOverflowed = Prisma.sql`(SELECT count(*) FROM ${few}) > ${PROBED}`;
  const clauses = Prisma.sql`${walk} AS MATERIALIZED (
      SELECT ${CANDIDATE_COLUMNS} FROM (SELECT * FROM atom_packages p ORDER BY downloads DESC, name LIMIT ${walked}) p
      WHERE ${condition} LIMIT ${CANDIDATES}),
    ${few} AS MATERIALIZED (SELECT ${CANDIDATE_COLUMNS} FROM atom_packages p WHERE NOT ${walkFound} AND ${condition} LIMIT ${PROBED + 1}),
    ${Prisma.raw(name)} AS (
      SELECT * FROM ${walk} WHERE ${walkFound}
      UNION ALL (SELECT * FROM ${few} WHERE ${fewKept} ORDER BY downloads DESC, name LIMIT ${CANDIDATES})
      UNION ALL (
        -- OFFSET 0 keeps the condition out of the ordered read, so that the index's order serves the LIMIT.
        SELECT ${CANDIDATE_COLUMNS} FROM (SELECT * FROM atom_packages p ORDER BY downloads DESC, name OFFSET 0) p
        WHERE ${fewOverflowed} AND ${condition}
        LIMIT ${CANDIDATES}))`;
  return {
    clauses,
    none: Prisma.sql`(NOT EXISTS (SELECT 1 FROM ${walk}) AND NOT EXISTS (SELECT 1 FROM ${few}))`,
    allFew: Prisma.sql`(NOT ${walkFound} AND ${fewKept})`,
    broad: walks ? walkFound : fewOverflowed,
  };
}

/**
 * Packages matching a search, most relevant first (unless a sort is given):
 * the name with hyphens and underscores ignored ("minimap" finds "mini-map"),
 * then the full-text rank over name, description, keywords and README (the
 * stored, weighted search_vector). Only when nothing matches are the names
 * nearest the query (by trigram similarity) offered instead: a typo still
 * finds its package, and an exact query is not diluted.
 *
 * Only a bounded set of candidates is ranked: the exact names, and of the names containing the query and of the
 * packages with its words, the CANDIDATES most downloaded each. A word 10,000 packages share ranked all 10,000
 * (50 ms of PostgreSQL's time a search; now about 1 once the search is known to be broad, common-searches.ts).
 */
export async function searchAtomPackages(sql: SqlReader, query: string, request: AtomPageRequest) {
  const text = query.trim().toLowerCase();
  const breadthKey = JSON.stringify([text, request.filter ?? {}]);
  const breadth = lastBreadth(breadthKey);
  const squashed = text.replace(/[-_\s]/g, "");
  const squashedName = Prisma.sql`replace(replace(lower(p.name), '-', ''), '_', '')`;
  const containsName = Prisma.sql`${squashedName} LIKE ${`%${squashed}%`}`;
  const where = filterConditions(request.filter);
  // The words once, as an InitPlan: an expression of the parameters was parsed again for every row.
  const words = Prisma.sql`(SELECT q FROM q)`;
  // Each condition can use an index: trigram GIN for the names, the vector's GIN for the words, trigram GiST for
  // the nearest names. Rows stay narrow until the page is chosen: only its rows are read whole.
  // Tiers are 2 apart and rank (normalised by 32 to rank / (rank + 1)) and similarity each under 1, so a name's
  // tier always comes first. Name similarity orders the names that matched or are near; a word found only in the
  // text has its rank alone.
  const named = mostDownloaded("named", Prisma.sql`${containsName} ${where}`, breadth.named);
  const worded = mostDownloaded("worded", Prisma.sql`p.search_vector @@ ${words} ${where}`, breadth.worded);
  const ranked = Prisma.sql`
    WITH q AS MATERIALIZED (SELECT ${textQuery(text)} AS q),
    ${named.clauses},
    ${worded.clauses},
    -- Each once, at its best tier; excluded after the limits, which an exclusion inside could make read everything.
    literal AS (
      SELECT *, 3 AS tier FROM named_few p WHERE ${named.allFew} AND ${squashedName} = ${squashed}
      -- Looked up again only when the names containing it were not all kept: the lookup costs the probe's time again.
      UNION ALL SELECT ${CANDIDATE_COLUMNS}, 3 FROM atom_packages p
        WHERE NOT ${named.allFew} AND ${squashedName} = ${squashed} ${where}
      UNION ALL SELECT *, 2 FROM named p WHERE ${squashedName} <> ${squashed}
      UNION ALL SELECT *, 0 FROM worded p WHERE NOT ${containsName}
    ), nearest AS (
      SELECT name, downloads, star_count, created_at, updated_at, NULL::tsvector, 0 AS tier FROM atom_packages p
      WHERE ${named.none} AND ${worded.none} AND lower(name) % ${text} ${where}
      ORDER BY lower(name) <-> ${text} LIMIT ${NEAREST_NAMES}
    ), matches AS (SELECT *, true AS literal FROM literal UNION ALL SELECT *, false FROM nearest)
    SELECT name, downloads, star_count, created_at, updated_at,
      2 * tier + coalesce(ts_rank(search_vector, ${words}, 32), 0) + CASE WHEN tier > 0 OR NOT literal THEN similarity(lower(name), ${text}) ELSE 0 END AS score,
      ${named.broad} AS named_broad, ${worded.broad} AS worded_broad
    FROM matches
    ORDER BY score DESC, downloads DESC, name
    LIMIT ${SEARCH_LIMIT}`;
  const order = orderBy(request, true);
  const candidates = {
    with: Prisma.sql`WITH ranked AS (${ranked})`,
    from: Prisma.sql`(
      SELECT a.*, r.score FROM atom_packages a
      JOIN (SELECT p.name, p.score FROM ranked p ORDER BY ${order} LIMIT ${request.limit} OFFSET ${request.offset}) r ON r.name = a.name) p`,
    paged: true,
    count: Prisma.sql`SELECT count(*)::int FROM ranked`,
    // Nothing ranked: nothing matched, so neither condition is broad.
    facts: Prisma.sql`, coalesce((SELECT named_broad FROM ranked LIMIT 1), false) AS named_broad,
      coalesce((SELECT worded_broad FROM ranked LIMIT 1), false) AS worded_broad`,
  };
  const { facts, ...page } = await pageOf<{ named_broad: boolean; worded_broad: boolean }>(sql, candidates, request, true);
  rememberBreadth(breadthKey, { named: facts.named_broad, worded: facts.worded_broad });
  return page;
}
