// Atom: /atom/api/packages and their versions, stars and stargazers.
import * as atom from "../../services/atom/packages";
import { atomSearchQuery, listAtomPackages, searchAtomPackages, type AtomSort } from "../../services/atom/package-listing";
import * as stars from "../../services/atom/stars";
import { requireUser } from "../../services/shared/policies";
import { malformed, WharfError } from "../../errors";
import { latestEditorRelease } from "../../services/atom/editor-releases";
import type { operations } from "../contract";
import { created, noContent, ok, type Operations } from "../operation";
import type { ServiceContext } from "../../services/shared/context";
import type { Request } from "express";
import { presentAtomPackage, presentAtomPackageWithVersions, presentStargazer } from "./present";

const SORTS = ["downloads", "created_at", "updated_at", "stars"];
/** Pulsar's page size. */
const PAGE_SIZE = 30;

type ListQuery = NonNullable<operations["atomListPackages"]["parameters"]["query"]>;

/** A page of packages with the Link header Pulsar's clients follow (absolute URLs from PUBLIC_URL). */
async function listPage({ ctx, query, req }: { ctx: ServiceContext; query: ListQuery; req: Request }, search?: string) {
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const sort = (query.sort as AtomSort | undefined) ?? (search ? undefined : "downloads");
  if (sort && !SORTS.includes(sort)) throw new WharfError("malformedRequest", `sort must be one of ${SORTS.join(", ")}.`);
  const direction = query.direction === "asc" && sort !== "stars" ? "asc" : "desc";
  const request = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, sort, direction } as const;
  const { items, total } = search ? await searchAtomPackages(ctx.sql, search, request) : await listAtomPackages(ctx.sql, request);
  const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const base = new URL(req.path, ctx.config.publicUrl);
  const link = (p: number, rel: string) => {
    const url = new URL(base);
    for (const [k, v] of Object.entries({ q: search, page: String(p), sort, direction })) if (v) url.searchParams.set(k, v);
    return `<${url}>; rel="${rel}"`;
  };
  const links = [link(page, "self"), link(last, "last"), ...(page < last ? [link(page + 1, "next")] : []), ...(page > 1 ? [link(page - 1, "prev")] : [])];
  return ok(items.map(presentAtomPackage), { Link: links.join(", ") });
}

export const atomPackageOperations: Operations = {
  atomListPackages: (input) => listPage(input),

  atomSearchPackages: (input) => listPage(input, atomSearchQuery(String(input.query.q ?? ""))),

  async atomGetPackage({ ctx, params, query }) {
    const pkg = await atom.getAtomPackage(ctx.db, params.packageName);
    return ok(presentAtomPackageWithVersions(pkg, ctx.config.publicUrl, query.engine as string | undefined));
  },

  async atomCreatePackage({ ctx, query, body }) {
    const repository = String(body?.repository ?? query.repository ?? "");
    return created(presentAtomPackageWithVersions(await atom.createAtomPackage(ctx, repository), ctx.config.publicUrl));
  },

  async atomDeletePackage({ ctx, params }) {
    await atom.deleteAtomPackage(ctx, params.packageName);
    return noContent();
  },

  async atomGetVersion({ ctx, params }) {
    const version = await atom.getAtomVersion(ctx.db, params.packageName, params.versionName);
    const pkg = presentAtomPackageWithVersions(await atom.getAtomPackage(ctx.db, params.packageName), ctx.config.publicUrl);
    return ok(pkg.versions![version.version]);
  },

  async atomDownloadTarball({ ctx, params }) {
    const sha256 = await atom.downloadAtomVersion(ctx.db, params.packageName, params.versionName);
    const stream = await ctx.blobs.open(sha256);
    if (!stream) throw new Error(`tarball blob ${sha256} is missing`);
    return { status: 200, stream, headers: { "Content-Type": "application/gzip" } };
  },

  async atomCreateVersion({ ctx, params, query, body }) {
    const tag = String(body?.tag ?? query.tag ?? "");
    if (!tag) throw malformed("tag is required");
    const rename = String(body?.rename ?? query.rename ?? "false") === "true";
    const version = await atom.publishAtomVersion(ctx, params.packageName, tag, rename);
    const pkg = presentAtomPackageWithVersions(await atom.getAtomPackage(ctx.db, version.name), ctx.config.publicUrl);
    return created(pkg.versions![version.version]);
  },

  async atomDeleteVersion({ ctx, params }) {
    await atom.deleteAtomVersion(ctx, params.packageName, params.versionName);
    return noContent();
  },

  async atomStarPackage({ ctx, params }) {
    return ok(presentAtomPackage(await stars.starAtomPackage(ctx, params.packageName)));
  },

  async atomUnstarPackage({ ctx, params }) {
    await stars.unstarAtomPackage(ctx, params.packageName);
    return noContent();
  },

  async atomListStargazers({ ctx, params }) {
    return ok((await stars.stargazers(ctx.db, params.packageName)).map(presentStargazer));
  },

  async atomListViewerStars({ ctx }) {
    const user = requireUser(ctx);
    return ok((await stars.starredBy(ctx.db, user.id)).map(presentAtomPackage));
  },

  async atomListUserStars({ ctx, params }) {
    return ok((await stars.starredByLogin(ctx.db, params.login)).map(presentAtomPackage));
  },

  // The editor's update feed in Squirrel's format; 204 (nothing newer) until staff record a release.
  async atomGetUpdates({ ctx }) {
    const release = await latestEditorRelease(ctx.db);
    if (!release) return noContent();
    return ok({ name: release.name, notes: release.notes, pub_date: release.pubDate.toISOString(), url: release.url });
  },
};
