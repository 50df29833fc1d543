// The jsr dialect: HTTP status + {"code", "message"}, as jsr's API answers.
import type { WharfError } from "./catalogue";

export function jsrErrorBody(err: WharfError): { code: string; message: string } {
  return { code: err.code, message: err.message };
}
