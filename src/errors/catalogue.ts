// The one catalogue of errors Wharf can answer with. Services throw
// WharfError; each face renders it in its own dialect (./jsr.ts, ./atom.ts, ./graphql.ts):
//   jsr:     HTTP status + {"code", "message"}
//   Atom:    HTTP status + {"message"}
//   GraphQL: errors[].extensions.code (and .status)
// Codes and messages follow upstream jsr's api/src/api/errors.rs where it has one.

export const ERRORS = {
  // Requests
  malformedRequest: { status: 400, message: "Malformed request." },
  notFound: { status: 404, message: "Not found." },
  internalServerError: { status: 500, message: "Internal Server Error" },
  queryTooDeep: { status: 400, message: "The query is nested too deeply." },
  queryTooComplex: { status: 400, message: "The query asks for too much at once." },
  // The client's own queries already running cost too much: it may retry once they are done.
  tooManyQueries: { status: 429, message: "Too many costly queries from this client are running at once. Try again shortly." },
  // The query was within its limits but the server did not finish it in time: not the client's fault.
  queryTimeout: { status: 503, message: "The query did not finish in time. Try again later." },

  // Authentication and authorization
  missingAuthentication: { status: 401, message: "This request requires authentication." },
  invalidBearerToken: { status: 401, message: "The provided bearer token is invalid." },
  blocked: { status: 403, message: "Your account is blocked." },
  actorNotAuthorized: {
    status: 403,
    message: "The actor that this request was authenticated for is not authorized to access this resource.",
  },
  actorNotScopeAdmin: {
    status: 403,
    message: "The actor that this request was authenticated for is not authorized as a scope admin for this scope.",
  },
  actorNotScopeMember: {
    status: 403,
    message: "The actor that this request was authenticated for is not authorized as a scope member for this scope.",
  },
  actorNotStaff: { status: 403, message: "Only staff may do this." },
  missingPermission: {
    status: 403,
    message: "The credential this request was authenticated with does not have the necessary permissions to perform this action.",
  },

  // Users and tokens
  userNotFound: { status: 404, message: "The requested user was not found." },
  userAlreadyExists: { status: 409, message: "A user with this login already exists." },
  invalidLogin: {
    status: 400,
    message: "A login must be 1 to 39 characters of letters, digits and single hyphens, not starting or ending with a hyphen.",
  },
  tokenNotFound: { status: 404, message: "The requested token was not found." },

  // Signing in (services/accounts)
  invalidCredentials: { status: 401, message: "The login or password is incorrect." },
  tooManySignInAttempts: {
    status: 429,
    message: "Too many failed sign-ins for this account or from this address. Try again later.",
  },
  passwordNotAllowed: { status: 400, message: "A password must be 8 to 1024 characters long." },
  ssoNotConfigured: { status: 404, message: "Single sign-on is not configured on this Wharf." },
  ssoFailed: { status: 400, message: "Single sign-on did not complete. Start again from the sign-in page." },
  ssoUnavailable: { status: 503, message: "The single sign-on provider could not be reached. Try again later." },

  // Scopes
  scopeNotFound: { status: 404, message: "The requested scope was not found." },
  scopeAlreadyExists: { status: 409, message: "A scope with this or a very similar name already exists." },
  scopeNameNotAllowed: { status: 400, message: "The provided scope name is not allowed." },
  scopeNameReserved: { status: 400, message: "The provided scope name is reserved." },
  scopeLimitReached: { status: 400, message: "This account has reached the maximum number of created scopes." },
  scopeNotEmpty: {
    status: 409,
    message: "The requested scope contains packages. Only empty scopes may be deleted.",
  },
  scopeMemberNotFound: { status: 404, message: "The requested scope member was not found." },
  scopeMustHaveAdmin: { status: 400, message: "The last scope admin can not be removed / downgraded." },
  alreadyInvited: { status: 400, message: "This user has already been invited to this scope." },
  alreadyScopeMember: { status: 400, message: "This user is already a member of this scope." },
  scopeInviteNotFound: { status: 404, message: "The requested scope invite was not found." },
  noScopeOwnerAvailable: {
    status: 400,
    message: "All other scope admins have exceeded their scope limits, so none can be made owner of the scope.",
  },

  // Packages
  packageNotFound: { status: 404, message: "The requested package was not found." },
  packageAlreadyExists: { status: 409, message: "A package with this or a very similar name already exists." },
  packageLimitExceeded: { status: 400, message: "Exceeded the scope's limit of packages." },
  weeklyPackageLimitExceeded: { status: 400, message: "Exceeded the scope's weekly limit of new packages." },

  // Versions and publishing
  packageVersionNotFound: { status: 404, message: "The requested package version was not found." },
  packagePathNotFound: { status: 404, message: "The requested path was not found." },
  publishNotFound: { status: 404, message: "The requested publish was not found." },
  packageArchived: {
    status: 400,
    message: "The requested package is archived. Unarchive it to modify settings or publish to it.",
  },
  packageNotEmpty: {
    status: 409,
    message: "The requested package has a version published, or is currently publishing a version. Only empty packages may be deleted.",
  },
  missingGzipContentEncoding: {
    status: 400,
    message: "The uploaded content must be gzip encoded, and the content-encoding header must be set to 'gzip'.",
  },
  tarballSizeLimitExceeded: { status: 413, message: "The uploaded tarball exceeds the maximum allowed size." },
  duplicateVersionPublish: { status: 400, message: "This version of the package is already being published." },
  weeklyPublishAttemptsLimitExceeded: { status: 400, message: "Exceeded the scope's weekly limit of publish attempts." },
  deleteVersionHasDependents: {
    status: 400,
    message: "The requested package version has dependents. Only a version without dependents can be deleted.",
  },
  // jsr verifies provenance with the public Sigstore instance, which a self-hosted registry cannot rely on.
  provenanceNotSupported: {
    status: 400,
    message: "Provenance statements are not supported on this registry: verifying them needs the public Sigstore instance.",
  },
  docsNotFound: { status: 404, message: "The requested documentation was not found." },

  // Support tickets
  ticketNotFound: { status: 404, message: "The requested ticket was not found." },
  ticketMessageEmpty: { status: 400, message: "The ticket message is empty." },
  ticketMetaNotValid: {
    status: 400,
    message: "The metadata for the ticket is not in a valid format, should be a key-value of strings.",
  },

  // Atom packages (messages as Pulsar's backend words them)
  atomPackageNotFound: { status: 404, message: "Not Found" },
  atomPackageExists: { status: 409, message: "A package by that name already exists." },
  atomVersionExists: { status: 409, message: "That version already exists, or was deleted and may not be published again." },
  atomRepositoryInaccessible: {
    status: 400,
    message: "That repo does not exist, isn't an atom package, or atombot does not have access.",
  },
  atomInvalidPackageJson: { status: 400, message: "The package.json at owner/repo isn't valid." },
  atomTagNotFound: { status: 400, message: "Git tag not found." },
  atomNameMismatch: { status: 400, message: "The package.json name does not match the package; publish with rename=true to rename it." },

  // Device authorization
  authorizationNotFound: { status: 404, message: "The requested authorization was not found." },
  authorizationExpired: { status: 400, message: "The requested authorization has expired." },
  authorizationInvalidVerifier: {
    status: 400,
    message: "The passed verifier does not match the authorization's challenge.",
  },
  authorizationDenied: { status: 400, message: "The requested authorization has been denied by the user." },
  // Clients poll on this code: it must never change.
  authorizationPending: { status: 400, message: "The requested authorization is still pending. Try again later." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class WharfError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].message,
  ) {
    super(message);
    this.status = ERRORS[code].status;
  }
}

/** Any thrown value as a WharfError; what is not one is an internal error, and its details stay in the log. */
export function asWharfError(err: unknown): WharfError {
  return err instanceof WharfError ? err : new WharfError("internalServerError");
}

/** A request the API cannot take, and why: jsr's "Malformed request: <detail>." */
export function malformed(detail: string): WharfError {
  return new WharfError("malformedRequest", `Malformed request: ${detail}.`);
}

/** What a log line says of any thrown value: its stack when it has one. */
export function errorFields(err: unknown): { error: string } {
  return { error: String((err as Error | undefined)?.stack ?? err) };
}
