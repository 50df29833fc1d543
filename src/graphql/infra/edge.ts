// The first look at a GraphQL request, before Apollo: what is refused here
// costs no validation, no database and no resolver.
//  - Text PostgreSQL cannot store (NUL, unpaired UTF-16 surrogates) anywhere
//    in the request, in the raw JSON or in the document's string literals
//    (where "\u0000" decodes to NUL), and JSON nested deeper than
//    MAX_JSON_DEPTH: malformedRequest.
//  - Documents longer than MAX_DOCUMENT_LENGTH characters or of more than
//    MAX_TOKENS tokens (queryTooComplex), or nested more than MAX_NESTING
//    brackets deep (queryTooDeep), found by the lexer alone: graphql-js
//    parses recursively, so a deep enough document overflows its stack.
//  - Operations too deep or too wide (shape.ts), once parsed.
// What does not parse is left for Apollo to report.
import type { RequestHandler } from "express";
import { GraphQLError, Lexer, parse, Source, TokenKind } from "graphql";
import { ERRORS, graphqlErrorBody, malformed, WharfError } from "../../errors";
import { shapeProblem } from "./shape";

/** Tokens in one document; the largest legitimate queries (introspection included) have a few hundred. */
export const MAX_TOKENS = 5000;
/** Characters in one document: room for MAX_TOKENS tokens, and a cheaper first check than lexing. */
export const MAX_DOCUMENT_LENGTH = 32_000;
/** Brackets ({, ( and [) open at once in a document; MAX_DEPTH (shape.ts) fields with their arguments stay well within. */
export const MAX_NESTING = 40;
/** Arrays and objects open at once in the request's JSON (variables are input objects a few levels deep). */
export const MAX_JSON_DEPTH = 32;

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether PostgreSQL can store the text: no NUL, and valid UTF-16 (no surrogate without its pair). */
function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

const unstorable = () => malformed("text must not contain NUL characters or unpaired UTF-16 surrogates");

/** The first problem in a JSON value, looking at most MAX_JSON_DEPTH levels down. */
function jsonProblem(value: unknown, depth = 0): WharfError | undefined {
  if (typeof value === "string") return isStorableText(value) ? undefined : unstorable();
  if (value === null || typeof value !== "object") return undefined;
  if (depth >= MAX_JSON_DEPTH) return malformed(`JSON nested more than ${MAX_JSON_DEPTH} levels deep`);
  for (const [key, item] of Object.entries(value)) {
    const problem = (isStorableText(key) ? undefined : unstorable()) ?? jsonProblem(item, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.PAREN_L, TokenKind.BRACKET_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.PAREN_R, TokenKind.BRACKET_R]);

/** The first problem in a document's tokens. */
function tokenProblem(document: string): WharfError | undefined {
  const lexer = new Lexer(new Source(document));
  let tokens = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (++tokens > MAX_TOKENS) return new WharfError("queryTooComplex", `${ERRORS.queryTooComplex.message} It has more than ${MAX_TOKENS} tokens.`);
      if (OPENING.has(token.kind) && ++nesting > MAX_NESTING) {
        return new WharfError("queryTooDeep", `${ERRORS.queryTooDeep.message} It nests more than ${MAX_NESTING} brackets.`);
      }
      if (CLOSING.has(token.kind)) nesting--;
      // String literals as they decode: "\u0000" is a NUL.
      if ((token.kind === TokenKind.STRING || token.kind === TokenKind.BLOCK_STRING) && !isStorableText(token.value ?? "")) return unstorable();
    }
  } catch (err) {
    if (err instanceof GraphQLError) return undefined;
    throw err;
  }
  return undefined;
}

/** The GraphQL request as Apollo will read it: the JSON body of a POST, or a GET's query string. */
function requestOf(method: string, url: string, body: unknown): unknown {
  if (method !== "GET") return body;
  const params = new URL(url, "http://wharf").searchParams;
  const json = (name: string) => {
    const raw = params.get(name);
    try {
      return raw === null ? undefined : JSON.parse(raw);
    } catch {
      return raw; // Apollo reports JSON that does not parse
    }
  };
  return { query: params.get("query") ?? undefined, operationName: params.get("operationName") ?? undefined, variables: json("variables"), extensions: json("extensions") };
}

/** The first problem in a document, given the operation the request names. */
function documentProblem(document: string, operationName: unknown): WharfError | undefined {
  if (document.length > MAX_DOCUMENT_LENGTH) {
    return new WharfError("queryTooComplex", `${ERRORS.queryTooComplex.message} It is longer than ${MAX_DOCUMENT_LENGTH} characters.`);
  }
  const problem = tokenProblem(document);
  if (problem) return problem;
  try {
    return shapeProblem(parse(document, { maxTokens: MAX_TOKENS }), typeof operationName === "string" ? operationName : undefined);
  } catch (err) {
    if (err instanceof GraphQLError) return undefined;
    throw err;
  }
}

/** Documents checked, by operation name and text: clients send the same few again and again. */
const checked = new Map<string, WharfError | undefined>();
/** Characters of documents kept in `checked`; past it, it starts again. */
const CHECKED_CHARACTERS = 4_000_000;
let checkedCharacters = 0;

/** documentProblem, remembered for documents seen before (lexing and parsing were a few percent of a small query's CPU). */
function rememberedProblem(document: string, operationName: unknown): WharfError | undefined {
  const key = `${typeof operationName === "string" ? operationName : ""}\u0000${document}`;
  if (checked.has(key)) return checked.get(key);
  const problem = documentProblem(document, operationName);
  if (checkedCharacters + key.length > CHECKED_CHARACTERS) {
    checked.clear();
    checkedCharacters = 0;
  }
  checked.set(key, problem);
  checkedCharacters += key.length;
  return problem;
}

function problemOf(request: unknown): WharfError | undefined {
  const problem = jsonProblem(request);
  if (problem) return problem;
  const { query, operationName } = (request ?? {}) as { query?: unknown; operationName?: unknown };
  return typeof query === "string" ? rememberedProblem(query, operationName) : undefined;
}

/** Express middleware, after the JSON body parser and before Apollo. */
export const graphqlEdge: RequestHandler = (req, res, next) => {
  const problem = problemOf(requestOf(req.method, req.originalUrl, req.body));
  if (!problem) return next();
  res.status(problem.status).json(graphqlErrorBody(problem));
};
