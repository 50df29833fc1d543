// The jsr registry files on the same origin as the API, as deno expects them:
//   /@scope/name/meta.json            changes with each publish: revalidated
//   /@scope/name/<version>_meta.json  immutable
//   /@scope/name/<version>/<path>     immutable
import { createHash } from "node:crypto";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import express, { type Request, type Response, type Router } from "express";
import { asWharfError, jsrErrorBody, WharfError } from "../errors";
import type { AppDeps } from "../http/app";
import { packageMetadata, versionMetadata } from "./metadata";

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

const CONTENT_TYPES: Record<string, string> = {
  ".ts": "text/typescript",
  ".mts": "text/typescript",
  ".cts": "text/typescript",
  ".tsx": "text/tsx",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".cjs": "text/javascript",
  ".jsx": "text/jsx",
  ".json": "application/json",
  ".jsonc": "application/json",
  ".md": "text/markdown",
  ".txt": "text/plain",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".html": "text/html",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? "application/octet-stream";
}

function notModified(req: Request, etag: string): boolean {
  return req.headers["if-none-match"]?.split(",").some((tag) => tag.trim() === etag) ?? false;
}

/** Sends a JSON document with its ETag, or 304 when the client has it. */
function sendJson(req: Request, res: Response, body: unknown, cacheControl: string): void {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(text).digest("hex")}"`;
  res.set({ ETag: etag, "Cache-Control": cacheControl });
  if (notModified(req, etag)) res.status(304).end();
  else res.type("application/json").send(text);
}

export function registryRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const { db, blobs } = deps;

  const serve = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (err) {
      const error = asWharfError(err);
      if (error.status >= 500) deps.log.error("registry request failed", { path: req.path, error: String((err as Error)?.stack ?? err) });
      if (!res.headersSent) res.status(error.status).json(jsrErrorBody(error));
      else res.destroy();
    }
  };

  router.get(
    "/@:scope/:name/meta.json",
    serve(async (req, res) => sendJson(req, res, await packageMetadata(db, String(req.params.scope), String(req.params.name)), REVALIDATE)),
  );

  router.get(
    "/@:scope/:name/:versionMeta",
    serve(async (req, res) => {
      const match = /^(.+)_meta\.json$/.exec(String(req.params.versionMeta));
      if (!match) throw new WharfError("notFound");
      sendJson(req, res, await versionMetadata(db, String(req.params.scope), String(req.params.name), match[1]), IMMUTABLE);
    }),
  );

  router.get(
    "/@:scope/:name/:version/*filePath",
    serve(async (req, res) => {
      const { scope, name, version } = req.params as Record<string, string>;
      const filePath = "/" + (req.params as unknown as { filePath: string[] }).filePath.join("/");
      const file = await db.packageFile.findUnique({ where: { scope_name_version_path: { scope, name, version, path: filePath } } });
      if (!file) throw new WharfError("packagePathNotFound");
      // Content-addressed: the checksum is a strong validator, and the bytes never change.
      const etag = `"sha256-${file.sha256}"`;
      res.set({ ETag: etag, "Cache-Control": IMMUTABLE, "Content-Type": contentTypeOf(filePath), "Content-Length": String(file.size) });
      if (notModified(req, etag)) return void res.status(304).end();
      const content = await blobs.open(file.sha256);
      if (!content) throw new Error(`blob ${file.sha256} of @${scope}/${name}@${version}${filePath} is missing`);
      await pipeline(content, res);
    }),
  );

  return router;
}
