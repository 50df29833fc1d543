// The shape of a REST handler: parse, call a service, present. The adapter
// (openapi-adapter.ts) does routing, validation, authentication and errors.
import type { Readable } from "node:stream";
import type { Request } from "express";
import type { ServiceContext } from "../services/shared/context";

export interface OperationInput {
  ctx: ServiceContext;
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  body: any; // validated against openapi.yaml before the handler runs
  req: Request;
}

export interface Reply {
  status: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (a download), instead of a JSON body. */
  stream?: Readable;
  headers?: Record<string, string>;
}

export type Operation = (input: OperationInput) => Promise<Reply>;
export type Operations = Record<string, Operation>;

export const ok = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, headers });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const noContent = (): Reply => ({ status: 204 });
