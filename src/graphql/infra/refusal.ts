// A catalogue error as a GraphQLError Apollo answers with the code's HTTP
// status: for refusals before execution (limits, bad input, a bad token),
// where there is no resolver to throw a WharfError from.
import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { ERRORS, type ErrorCode } from "../../errors";

export function refusal(code: ErrorCode, message: string = ERRORS[code].message, headers: Record<string, string> = {}): GraphQLError {
  const { status } = ERRORS[code];
  return new GraphQLError(message, {
    // `http` sets the response's status and headers, and Apollo leaves it out of the body; `status` stays, as on every catalogue error.
    extensions: { code, status, http: { status, headers: new HeaderMap(Object.entries(headers)) } },
  });
}
