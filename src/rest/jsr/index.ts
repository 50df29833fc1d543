// Every jsr operation Wharf serves, keyed by operationId.
import type { Operations } from "../operation";
import { authorizationOperations } from "./authorizations";
import { packageOperations } from "./packages";
import { scopeOperations } from "./scopes";
import { userOperations } from "./users";
import { versionOperations } from "./versions";
import { ticketOperations } from "./tickets";
import { docsOperations } from "./docs";

export const jsrOperations: Operations = {
  ...scopeOperations,
  ...packageOperations,
  ...versionOperations,
  ...userOperations,
  ...authorizationOperations,
  ...ticketOperations,
  ...docsOperations,
};
