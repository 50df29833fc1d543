// The shape of a REST handler: parse, call a service, present. The adapter
// (openapi-adapter.ts) does routing, validation, authentication and errors.
// Each handler is typed by its operation in openapi.yaml (contract.ts, generated):
// its path and query parameters, its JSON body, and the replies it may give.
import type { Readable } from "node:stream";
import type { Request } from "express";
import type { ServiceContext } from "../services/shared/context";
import type { Keep } from "../services/shared/kept-reads";
import type { operations } from "./contract";

export type OperationId = keyof operations;

type Parameters<K extends OperationId> = operations[K]["parameters"];
// "never" (the operation has none) becomes {}: a handler may destructure what it does not use.
type PathOf<K extends OperationId> = Parameters<K> extends { path: infer P } ? ([P] extends [object] ? P : {}) : {};
type QueryOf<K extends OperationId> = Parameters<K> extends { query?: infer Q } ? ([Q] extends [object] ? Q : {}) : {};
type JsonBodyOf<K extends OperationId> = operations[K] extends { requestBody?: { content: { "application/json": infer B } } } ? B : undefined;

export interface OperationInput<K extends OperationId = OperationId> {
  ctx: ServiceContext;
  params: PathOf<K>;
  query: QueryOf<K>;
  /** The JSON body, validated against openapi.yaml before the handler runs; undefined when the operation takes another type. */
  body: JsonBodyOf<K>;
  req: Request;
}

/** What a handler answers with: a JSON body, a stream (a download) or nothing, with a status the contract declares. */
export interface Reply {
  status: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (a download), instead of a JSON body. */
  stream?: Readable;
  headers?: Record<string, string>;
  /** An anonymous caller's 200 that any other anonymous caller may be given from memory (http/response-cache.ts). */
  keep?: Keep;
}

type Responses<K extends OperationId> = operations[K]["responses"];
/** The statuses of success an operation declares; errors are thrown as WharfError, not returned. */
type SuccessStatus<K extends OperationId> = Extract<keyof Responses<K>, 200 | 201 | 202 | 204>;
type ReplyFor<R, S> = R extends { content: { "application/json": infer B } }
  ? { status: S; body: B; headers?: Record<string, string>; keep?: Keep }
  : R extends { content: object }
    ? { status: S; stream: Readable; headers?: Record<string, string>; keep?: Keep }
    : { status: S; headers?: Record<string, string> };

export type ReplyOf<K extends OperationId> = { [S in SuccessStatus<K>]: ReplyFor<Responses<K>[S], S> }[SuccessStatus<K>];

export type Operation<K extends OperationId> = (input: OperationInput<K>) => Promise<ReplyOf<K>>;
/** Handlers keyed by operationId, each typed by its operation. */
export type Operations = { [K in OperationId]?: Operation<K> };

/**
 * How the adapter calls any handler: openapi-backend has validated the request against the operation before, so
 * the input has the operation's types; the compiler cannot follow that from the operationId it routed by.
 */
export type AnyOperation = (input: {
  ctx: ServiceContext;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  req: Request;
}) => Promise<Reply>;

export const ok = <B>(body: B, headers?: Record<string, string>) => ({ status: 200 as const, body, headers });
/** A 200 that may be kept for other anonymous callers (see Reply.keep), with the headers kept along with it. */
export const okKept = <B>(body: B, keep: Keep, headers?: Record<string, string>) => ({ status: 200 as const, body, keep, headers });
export const created = <B>(body: B) => ({ status: 201 as const, body });
export const noContent = () => ({ status: 204 as const });
