// Why a publish failed, as jsr names it (api/src/tarball.rs, `PublishError`): these codes are not HTTP answers but
// a publishing task's `error.code`, which `deno publish` prints. A typed union, so that a misspelt code does not compile.
import type { ErrorCode } from "./catalogue";

export const PUBLISH_ERROR_CODES = [
  "invalidTarball",
  "invalidPath",
  "invalidEntryType",
  "linkInTarball",
  "caseInsensitiveDuplicatePath",
  "missingConfigFile",
  "invalidConfigFile",
  "configFileNameMismatch",
  "configFileVersionMismatch",
  "configFileExportsInvalid",
  "invalidJsrSpecifier",
  "invalidNpmSpecifier",
  "missingLicense",
  // Wharf's own: the upload's connection closed before the tarball's last byte.
  "uploadIncomplete",
] as const;

export type PublishErrorCode = (typeof PUBLISH_ERROR_CODES)[number];

/** What a failed publishing task records: a publish error, or one of the catalogue's (packageNotFound, ...). */
export type TaskFailureCode = PublishErrorCode | ErrorCode;

/** A publish that cannot succeed, with jsr's error code; the task fails with it. */
export class PublishError extends Error {
  constructor(
    readonly code: TaskFailureCode,
    message: string,
  ) {
    super(message);
  }
}
