// jsr: a version's generated docs, their search indexes, and the package's score.
import * as docs from "../../services/jsr/docs/version-docs";
import { listVersions } from "../../services/jsr/versions";
import type { ServiceContext } from "../../services/shared/context";
import { ok, type Operations } from "../operation";
import { presentVersion } from "./present";

const versionOf = async (ctx: ServiceContext, found: docs.VersionDocs) => {
  const newer = (await listVersions(ctx.db, found.version.scope, found.version.name)).findIndex((v) => v.version === found.version.version);
  return presentVersion(found.version, newer);
};

export const docsOperations: Operations = {
  async getPackageVersionDocs({ ctx, params, query }) {
    const found = await docs.getVersionDocs(ctx, params.scope, params.package, params.version);
    const main = docs.docsPage(found, { entrypoint: query.entrypoint, symbol: query.symbol, allSymbols: query.all_symbols === true });
    // Upstream's page also carries its HTML rendering's CSS and script; this one is data, so those are empty.
    return ok({ kind: "content" as const, version: await versionOf(ctx, found), css: "", comrakCss: "", script: "", breadcrumbs: null, toc: null, main });
  },

  async getPackageVersionDocsSearch({ ctx, params }) {
    return ok(docs.searchIndex(await docs.getVersionDocs(ctx, params.scope, params.package, params.version)));
  },

  async getPackageVersionDocsSearchStructured({ ctx, params }) {
    const found = await docs.getVersionDocs(ctx, params.scope, params.package, params.version);
    return ok(docs.docsPage(found, { allSymbols: true }).value);
  },

  async getPackageScore({ ctx, params }) {
    return ok(await docs.getPackageScore(ctx, params.scope, params.package));
  },
};
