// What every service function receives: the database and who is acting.
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { BlobStore } from "../storage/blob-store";
import type { Db } from "../storage/database";
import type { User } from "../generated/prisma/client";

export interface ServiceContext {
  db: Db;
  config: Config;
  log: Logger;
  blobs: BlobStore;
  /** The authenticated user, or undefined for an anonymous request. */
  actor?: User;
}
