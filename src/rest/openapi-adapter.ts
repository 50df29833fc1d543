// The REST faces: openapi-backend routes each request by openapi.yaml to the
// handler of its operationId, after validating it against the document.
// Errors come out in the dialect of the path: jsr under /api, Atom under /atom/api.
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import path from "node:path";
import type { Request, RequestHandler, Response } from "express";
import addFormats from "ajv-formats";
import { notedRouteTemplate, noteRouteTemplate } from "../http/metrics";
import { markKeepable } from "../http/response-cache";
import OpenAPIBackend, { type Context, type Operation as ApiOperation } from "openapi-backend";
import { asWharfError, errorFields, errorReply, faceOf, malformed, WharfError } from "../errors";
import { requestContext } from "../http/actor";
import type { ServiceContext } from "../services/shared/context";
import { matchRoutesOnce } from "./route-matcher";
import { unstorableJson, unstorableText } from "../services/shared/storable";
import type { AnyOperation, Operations, Reply } from "./operation";

export const OPENAPI_PATH = path.resolve(__dirname, "..", "..", "..", "openapi.yaml");

export function readOpenApiDocument(): string {
  return fs.readFileSync(OPENAPI_PATH, "utf8");
}

// Any site's scripts may read the Atom face, as Pulsar's (tokens go in Authorization, never in cookies).
const ATOM_HEADERS = { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "Link, Query-Total, Query-Limit" };

export function sendError(res: Response, urlPath: string, err: WharfError): void {
  const { status, body } = errorReply(urlPath, err);
  res.status(status).json(body);
}

/**
 * RFC 3339 allows what JavaScript's Date cannot hold (a leap second, 23:59:60): handlers turn date-times into Dates,
 * so such a date-time is malformed input, not a 500 later.
 */
const rfc3339 = addFormats.get("date-time") as { validate: (text: string) => boolean };
const representableDateTime = { type: "string" as const, validate: (text: string) => rfc3339.validate(text) && !Number.isNaN(Date.parse(text)) };

/** Operations that count a download: they need not wait for earlier downloads to be written. */
const COUNTING_DOWNLOADS = new Set(["atomDownloadTarball"]);

/** An express handler serving every operation of openapi.yaml that `operations` implements. */
export async function restHandler(
  operations: Operations,
  baseContext: Omit<ServiceContext, "actor" | "loaders">,
): Promise<RequestHandler> {
  const api = new OpenAPIBackend({
    definition: OPENAPI_PATH,
    strict: true,
    // Quick: validators are compiled at their first use rather than all at start, which took seconds. The document
    // itself is checked by a test (test/openapi-document.test.ts), not at every start.
    quick: true,
    coerceTypes: true,
    ajvOpts: { strict: false, allErrors: false },
    customizeAjv: (ajv) => addFormats(ajv).addFormat("date-time", representableDateTime),
    handlers: {
      notFound: () => {
        throw new WharfError("notFound");
      },
      methodNotAllowed: () => {
        throw new WharfError("notFound");
      },
      notImplemented: () => {
        throw new WharfError("notFound");
      },
      validationFail: (c: Context) => {
        const errors = c.validation.errors ?? [];
        if (errors.some((e) => e.params?.missingProperty === "requestBody")) {
          throw malformed("expected a JSON body (Content-Type: application/json)");
        }
        const detail = errors.map((e) => `${e.instancePath || "request"} ${e.message}`.trim()).join("; ");
        throw malformed(`${detail || "invalid input"}`);
      },
    },
  });
  // Who may do what is the services' decision (src/services/shared/policies.ts), not the router's.
  api.registerSecurityHandler("bearerAuth", () => true);
  for (const [operationId, handler] of Object.entries(operations)) {
    const operation = handler as AnyOperation;
    api.register(operationId, async (c: Context, req: Request): Promise<Reply> => {
      noteRouteTemplate(req, `${req.baseUrl}${c.operation.path}`);
      return operation({
        ctx: {
          ...(await requestContext(baseContext, req.headers, { download: COUNTING_DOWNLOADS.has(operationId) })),
          ...(faceOf(req.path) === "jsr" && { sudo: req.headers["x-jsr-sudo"] === "true" }),
        },
        params: c.request.params as Record<string, string>,
        query: c.request.query as Record<string, unknown>,
        body: c.request.requestBody,
        req,
      });
    });
  }
  await api.init();
  matchRoutesOnce(api);

  const check = baseContext.config.checkResponses ? contractCheck(api) : undefined;

  const answer = (req: Request, res: Response, reply: Reply) => {
    const broken = check?.(req, reply);
    if (broken) {
      baseContext.log.error("response breaks openapi.yaml", { path: req.path, broken });
      res.status(500).json({ code: "internalServerError", message: `Response breaks openapi.yaml: ${broken}` });
      return;
    }
    if (faceOf(req.path) === "atom") res.set(ATOM_HEADERS);
    if (reply.headers) res.set(reply.headers);
    // Answered before the body was read (e.g. an upload refused as too large): the connection cannot be reused.
    if (!req.complete) res.set("Connection", "close");
    if (reply.keep && reply.status === 200) markKeepable(res, reply.keep, notedRouteTemplate(req));
    if (reply.stream && req.method === "HEAD") {
      reply.stream.destroy();
      res.status(reply.status).end();
    } else if (reply.stream) {
      res.status(reply.status);
      pipeline(reply.stream, res).catch(() => res.destroy());
    } else if (reply.body === undefined) res.status(reply.status).end();
    else res.status(reply.status).json(reply.body);
  };

  return async (req, res) => {
    let reply: Reply;
    try {
      const request = { method: routedMethod(req.method), path: req.path, headers: req.headers as Record<string, string | string[]> };
      if (req.method === "OPTIONS" && faceOf(req.path) === "atom") {
        answer(req, res, preflight(api, req.path));
        return;
      }
      const operation = api.matchOperation({ ...request, query: {} });
      const query = operation ? declaredQuery(operation, req.query) : {};
      if (operation) {
        refuseUnstorable(req.path, query, req.body);
        refuseUndeclaredJson(operation, req.body);
      }
      reply = await api.handleRequest({ ...request, query, body: req.body }, req, res);
    } catch (err) {
      const error = asWharfError(err);
      if (error.status >= 500) baseContext.log.error("request failed", { path: req.path, ...errorFields(err) });
      reply = errorReply(req.path, error);
    }
    answer(req, res, reply);
  };
}

/**
 * HEAD is GET without the body (RFC 9110, 9.3.2), as Express routes it: openapi.yaml declares GETs only, and
 * Express (res.send) and node leave the body out of a HEAD's answer.
 */
const routedMethod = (method: string) => (method === "HEAD" ? "GET" : method);

/** OPTIONS on an Atom path, answered as Pulsar does: 204 with the path's methods (and CORS's headers), or 404. */
function preflight(api: OpenAPIBackend, urlPath: string): Reply {
  const methods = ["GET", "POST", "DELETE"].filter((method) => api.matchOperation({ method, path: urlPath, headers: {}, query: {} }));
  if (methods.length === 0) throw new WharfError("notFound");
  const allow = [...methods, "OPTIONS"].join(", ");
  return {
    status: 204,
    headers: {
      Allow: allow,
      "Access-Control-Allow-Methods": allow,
      "Access-Control-Allow-Headers": "Authorization, Content-Type",
      "Access-Control-Max-Age": "86400",
      "X-Content-Type-Options": "nosniff",
    },
  };
}

/** The query parameters the operation declares: like upstream, unknown ones are ignored, not refused. */
function declaredQuery(operation: ApiOperation, query: Request["query"]) {
  const declared = new Set((operation.parameters ?? []).flatMap((p) => ("in" in p && p.in === "query" ? [p.name] : [])));
  return Object.fromEntries(Object.entries(query).filter(([name]) => declared.has(name))) as Record<string, string | string[]>;
}


/**
 * What the validator cannot see is refused before it runs: a path that is not percent-encoded UTF-8 (the router's
 * decodeURIComponent would throw), and text PostgreSQL cannot store in the path, the declared query or a JSON body.
 */
function refuseUnstorable(urlPath: string, query: Record<string, unknown>, body: unknown): void {
  for (const segment of urlPath.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw malformed("the path is not percent-encoded UTF-8");
    }
    const problem = unstorableText(decoded);
    if (problem) throw malformed(`the path ${problem}`);
  }
  const inQuery = unstorableJson(query);
  if (inQuery) throw malformed(`a query parameter ${inQuery}`);
  // A JSON body, as express.json parsed it (an upload's body is a stream, left to its handler).
  const inBody = body === undefined ? undefined : unstorableJson(body);
  if (inBody) throw malformed(`the body ${inBody}`);
}

/**
 * A JSON body sent where the operation takes another type (an upload's tarball): express.json has read it already,
 * so the handler would find nothing left to read.
 */
function refuseUndeclaredJson(operation: ApiOperation, body: unknown): void {
  const types = Object.keys((operation.requestBody as { content?: object } | undefined)?.content ?? {});
  if (body !== undefined && types.length > 0 && !types.includes("application/json")) {
    throw malformed(`expected a body of type ${types.join(" or ")}`);
  }
}

/** What is wrong with a reply by openapi.yaml (its operation must declare the status, and the body fit its schema), if anything. */
function contractCheck(api: OpenAPIBackend) {
  return (req: Request, reply: Reply): string | undefined => {
    const operation = api.matchOperation({ method: routedMethod(req.method), path: req.path, headers: {}, query: {} });
    if (!operation) return reply.status === 404 ? undefined : `${req.method} ${req.path} has no operation`;
    const declared = Object.keys(operation.responses ?? {});
    if (!declared.includes(String(reply.status)) && !declared.includes("default")) {
      return `${operation.operationId} does not declare status ${reply.status}`;
    }
    const missing = missingHeaders(operation, reply);
    if (missing.length) return `${operation.operationId} ${reply.status} lacks the header(s) ${missing.join(", ")}`;
    if (reply.body === undefined) return undefined;
    const result = api.validateResponse(reply.body, operation, reply.status);
    return result.errors?.length ? `${operation.operationId} ${reply.status}: ${JSON.stringify(result.errors)}` : undefined;
  };
}

/** The headers the operation's response requires (required: true) that the reply does not set. */
function missingHeaders(operation: ApiOperation, reply: Reply): string[] {
  const responses = (operation.responses ?? {}) as Record<string, { headers?: Record<string, { required?: boolean }> }>;
  const declared = responses[String(reply.status)]?.headers ?? {};
  const given = new Set(Object.keys(reply.headers ?? {}).map((name) => name.toLowerCase()));
  return Object.entries(declared).flatMap(([name, header]) => (header.required && !given.has(name.toLowerCase()) ? [name] : []));
}
