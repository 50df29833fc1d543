// How Pulsar reads the query of a list or a search (pulsar-edit/package-backend,
// src/query_parameters): a value it cannot use falls back to its default instead
// of a 400, so that the website's and ppm's requests always get a page.
import type { AtomFilter, AtomPageRequest, AtomSort } from "../../storage/queries/atom-package-pages";

/** Pulsar's page size. */
export const ATOM_PAGE_SIZE = 30;
/** Pages past this one are this one (an empty page), so that the offset stays a number PostgreSQL takes. */
const MAX_PAGE = 1_000_000;
/** Like Pulsar, only the first 50 characters of a query or filter count (whole code points here). */
const MAX_QUERY_LENGTH = 50;

const SORTS: AtomSort[] = ["downloads", "created_at", "updated_at", "stars"];

type RawQuery = Record<string, string | string[] | undefined>;

export interface AtomListQuery {
  page: number;
  request: AtomPageRequest;
  /** The search's text; "" lists every package (as Pulsar does). */
  q: string;
  /** The parameters as understood, to repeat in Link headers. */
  echo: Record<string, string>;
}

/** The first value of a parameter given (repeated parameters: the first). */
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A text parameter cut to 50 code points and trimmed; nothing when absent or empty, or when it climbs paths ("..", as Pulsar refuses). */
function text(value: string | string[] | undefined): string | undefined {
  const given = first(value);
  if (given === undefined || given.includes("..")) return undefined;
  return Array.from(given).slice(0, MAX_QUERY_LENGTH).join("").trim() || undefined;
}

/**
 * A list's or search's query the way Pulsar reads it:
 * - page: a number from 1 (page=0, page=abc and the like are page 1);
 * - sort: downloads, created_at, updated_at or stars; relevance (the default of a search) or anything else is
 *   relevance in a search and downloads in a list;
 * - direction (or the legacy order): asc or desc, anything else desc;
 * - q: "" when absent or empty, and then a search lists every package;
 * - owner, fileExtension, and serviceType (provided or consumed) with service and serviceVersion: filters,
 *   ignored when empty (a serviceType other than provided or consumed, or without service, is ignored too);
 * - filter (a search's, deprecated): theme for themes only (ppm search --themes); package, or anything else, for all.
 */
export function parseAtomListQuery(query: RawQuery, options: { search: boolean; themes: boolean }): AtomListQuery {
  const page = Math.min(MAX_PAGE, Math.max(1, Number.parseInt(first(query.page) ?? "", 10) || 1));
  const q = options.search ? (text(query.q) ?? "") : "";
  const givenSort = first(query.sort) as AtomSort | undefined;
  const sort = givenSort && SORTS.includes(givenSort) ? givenSort : q ? undefined : "downloads";
  const givenDirection = first(query.direction) ?? first(query.order);
  const direction = givenDirection === "asc" && sort !== "stars" ? "asc" : "desc";

  const themesAsked = options.search && first(query.filter) === "theme";
  const filter: AtomFilter = { themes: options.themes || themesAsked || undefined };
  const owner = text(query.owner);
  if (owner) filter.owner = owner.toLowerCase();
  filter.fileExtension = text(query.fileExtension);
  const serviceType = { provided: "providedServices", consumed: "consumedServices" } as const;
  const type = serviceType[first(query.serviceType) as keyof typeof serviceType];
  const service = text(query.service);
  const serviceVersion = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)/.test(first(query.serviceVersion) ?? "") ? text(query.serviceVersion) : undefined;
  if (type && service) filter.service = { type, name: service, version: serviceVersion };

  const echo: Record<string, string> = {};
  for (const [key, value] of Object.entries({
    q,
    sort: sort ?? "relevance",
    direction,
    owner: filter.owner,
    fileExtension: filter.fileExtension,
    serviceType: filter.service && first(query.serviceType),
    service: filter.service?.name,
    serviceVersion: filter.service?.version,
    filter: themesAsked ? "theme" : undefined,
  })) {
    if (value) echo[key] = value;
  }
  return { page, q, echo, request: { offset: (page - 1) * ATOM_PAGE_SIZE, limit: ATOM_PAGE_SIZE, sort, direction, filter } };
}
