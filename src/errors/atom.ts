// The Atom dialect: HTTP status + {"message"}, as Pulsar's backend answers.
import type { WharfError } from "./catalogue";

export function atomErrorBody(err: WharfError): { message: string } {
  return { message: err.message };
}
