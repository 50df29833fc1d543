// What every service function receives: the database and who is acting.
import type { Config } from "../../config";
import type { Logger } from "../../logger";
import type { BlobStore } from "../../storage/blob-store";
import type { Db } from "../../storage/database";
import type { SqlReader } from "../../storage/sql-reader";
import type { Loaders } from "./loaders";
import type { User } from "../../generated/prisma/client";
import type { Permission } from "./permissions";
import type { DownloadCounter } from "./download-counter";

/** Downloads, counted in memory and written in batches. */
export interface Downloads {
  atom: DownloadCounter;
  /** jsr: a GET of <version>_meta.json, keyed "scope/name" and the version (services/jsr/downloads.ts). */
  jsr: DownloadCounter;
}

export interface ServiceContext {
  db: Db;
  /** Plain SQL reads for hot paths (see storage/sql-reader.ts). */
  sql: SqlReader;
  config: Config;
  log: Logger;
  blobs: BlobStore;
  downloads: Downloads;
  /** This request's DataLoaders; services that write clear what they change. */
  loaders: Loaders;
  /** The authenticated user, or undefined for an anonymous request. */
  actor?: User;
  /**
   * What the request's token is limited to (jsr permissions, e.g. publishing
   * one package version), or null when it may do anything its user may.
   */
  permissions?: readonly Permission[] | null;
  /**
   * jsr's sudo: on the jsr REST face staff act on others' scopes only with `x-jsr-sudo: true` (false without it);
   * undefined on faces that have no such header (GraphQL, Atom), where staff act as staff.
   */
  sudo?: boolean;
}
