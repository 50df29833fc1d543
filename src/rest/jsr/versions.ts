// jsr: versions, publishing and the publishing tasks deno polls.
import { startPublish, getPublishingTask } from "../../services/jsr/publishing/publish";
import * as versions from "../../services/jsr/versions";
import type { ServiceContext } from "../../services/shared/context";
import { noContent, ok, type Operations } from "../operation";
import { presentDependency, presentTask, presentVersion } from "./present";
import { drainBody } from "../drain";

// A task's status changes while deno polls it: never cache it.
const NO_STORE = { "Cache-Control": "no-store" };

const publishingTask = async (ctx: ServiceContext, id: string) => ok(presentTask(await getPublishingTask(ctx.db, id)), NO_STORE);

export const versionOperations: Operations = {
  async listPackageVersions({ ctx, params }) {
    const all = await versions.listVersions(ctx.db, params.scope, params.package);
    return ok(all.map((v, newer) => presentVersion(v, newer)));
  },

  async getPackageVersion({ ctx, params }) {
    const version = await versions.getVersion(ctx.db, params.scope, params.package, params.version);
    const newer = (await versions.listVersions(ctx.db, params.scope, params.package)).findIndex((v) => v.version === version.version);
    return ok(presentVersion(version, newer));
  },

  async updatePackageVersion({ ctx, params, body }) {
    await versions.setYanked(ctx, params.scope, params.package, params.version, body.yanked);
    return noContent();
  },

  async listDependencies({ ctx, params }) {
    return ok((await versions.listDependencies(ctx.db, params.scope, params.package, params.version)).map(presentDependency));
  },

  // The body is the gzipped tarball itself, streamed to the blob store.
  async createPackageVersion({ ctx, params, query, req }) {
    const task = await startPublish(ctx, {
      scope: params.scope,
      name: params.package,
      version: params.version,
      configPath: String(query.config),
      contentEncoding: req.headers["content-encoding"],
      contentLength: req.headers["content-length"] === undefined ? undefined : Number(req.headers["content-length"]),
      body: req,
    }).catch(async (err: unknown) => {
      await drainBody(req);
      throw err;
    });
    return ok(presentTask(task));
  },

  getPublishingTask: ({ ctx, params }) => publishingTask(ctx, params.id),

  // The path deno polls: the same answer as getPublishingTask.
  getPublishStatus: ({ ctx, params }) => publishingTask(ctx, params.id),
};
