// jsr: versions, publishing and the publishing tasks deno polls.
import { startPublish, getPublishingTask } from "../../services/jsr/publishing/publish";
import * as versions from "../../services/jsr/versions";
import type { ServiceContext } from "../../services/shared/context";
import { noContent, ok, type Operations } from "../operation";
import { presentDependency, presentTask, presentVersion } from "./present";
import { drainBody } from "../drain";
import { WharfError } from "../../errors";
import { listPackageTasks } from "../../services/jsr/package-activity";
import { versionSource } from "../../services/jsr/version-source";
import { dependencyGraphItems } from "../../services/jsr/dependency-graph-items";

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

  async deletePackageVersion({ ctx, params }) {
    await versions.deleteVersion(ctx, params.scope, params.package, params.version);
    return noContent();
  },

  async listPackagePublishingTasks({ ctx, params }) {
    return ok((await listPackageTasks(ctx, params.scope, params.package)).map(presentTask));
  },

  async getPackageVersionSource({ ctx, params, query }) {
    const { version, source } = await versionSource(ctx, params.scope, params.package, params.version, String(query.path ?? "/"));
    const newer = (await versions.listVersions(ctx.db, params.scope, params.package)).findIndex((v) => v.version === version.version);
    return ok({ version: presentVersion(version, newer), css: "", comrakCss: "", script: "", source });
  },

  async getDependencyGraph({ ctx, params }) {
    return ok(await dependencyGraphItems(ctx, params.scope, params.package, params.version));
  },

  // Sigstore verification needs the public Sigstore instance: a self-hosted registry says so, in jsr's error shape.
  async uploadProvenance({ ctx, params, req }) {
    await drainBody(req);
    await versions.getVersion(ctx.db, params.scope, params.package, params.version);
    throw new WharfError("provenanceNotSupported");
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
