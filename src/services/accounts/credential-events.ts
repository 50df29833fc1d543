// Tells those who keep verified tokens (the token cache) that a token or a user changed: a token revoked, a user
// blocked, made staff, given a new password. The change feed carries it to the other Wharfs on the database.
import { EventEmitter } from "node:events";

const events = new EventEmitter();

export function credentialsChanged(): void {
  events.emit("changed");
}

export function onCredentialsChanged(listener: () => void): () => void {
  events.on("changed", listener);
  return () => events.off("changed", listener);
}
