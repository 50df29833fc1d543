// Tells those who keep verified tokens (the token cache) that a token or a user changed: a token revoked, a user
// blocked, made staff, given a new password. The change feed carries it to the other Wharfs on the database.
import { createSignal } from "../shared/signal";

const changed = createSignal<[]>();

export function credentialsChanged(): void {
  changed.emit();
}

export const onCredentialsChanged = changed.on;
