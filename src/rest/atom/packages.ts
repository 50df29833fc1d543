// Atom: /atom/api/packages and their versions, stars and stargazers.
import { Readable } from "node:stream";
import * as atom from "../../services/atom/packages";
import * as stars from "../../services/atom/stars";
import * as reads from "../../services/atom/package-reads";
import { requireUser } from "../../services/shared/policies";
import { latestEditorRelease } from "../../services/atom/editor-releases";
import { readFeaturedAtomPackages } from "../../services/atom/featured";
import { created, noContent, ok, okKept, type Operations } from "../operation";
import { listPage } from "./list-page";
import { presentAtomPackage, presentAtomPackages, presentAtomPackageWithVersions, presentAtomVersion, presentStargazer } from "./present";

export const atomPackageOperations: Operations = {
  atomListPackages: (input) => listPage(input, { search: false, themes: false }),

  atomSearchPackages: (input) => listPage(input, { search: true, themes: false }),

  async atomListFeaturedPackages({ ctx }) {
    return ok(presentAtomPackages(await readFeaturedAtomPackages(ctx, false), ctx.config));
  },

  atomListThemes: (input) => listPage(input, { search: false, themes: true }),

  atomSearchThemes: (input) => listPage(input, { search: true, themes: true }),

  async atomListFeaturedThemes({ ctx }) {
    return ok(presentAtomPackages(await readFeaturedAtomPackages(ctx, true), ctx.config));
  },

  async atomGetPackage({ ctx, params, query }) {
    const pkg = await reads.readAtomPackage(ctx.sql, params.packageName);
    return okKept(presentAtomPackageWithVersions(pkg, ctx.config, query.engine), reads.keepAtomPackageRead(params.packageName, pkg.name));
  },

  async atomCreatePackage({ ctx, query, body }) {
    const repository = String(body?.repository ?? query.repository ?? "");
    return created(presentAtomPackageWithVersions(await atom.createAtomPackage(ctx, repository), ctx.config));
  },

  async atomDeletePackage({ ctx, params }) {
    await atom.deleteAtomPackage(ctx, params.packageName);
    return noContent();
  },

  async atomGetVersion({ ctx, params }) {
    const { pkg, version } = await reads.readAtomVersion(ctx.sql, params.packageName, params.versionName);
    return okKept(presentAtomVersion(pkg.name, version, ctx.config), reads.keepAtomPackageRead(params.packageName, pkg.name));
  },

  async atomDownloadTarball({ ctx, params, req }) {
    // A HEAD downloads nothing: the tarball is looked up (or 404) but neither counted nor read.
    if (req.method === "HEAD") {
      await reads.findAtomTarball(ctx, params.packageName, params.versionName);
      return { status: 200, stream: Readable.from([]), headers: { "Content-Type": "application/gzip" } };
    }
    const { tarball, keep } = await reads.downloadAtomTarball(ctx, params.packageName, params.versionName);
    const stream = await ctx.blobs.open(tarball);
    if (!stream) throw new Error(`tarball blob ${tarball} is missing`);
    return { status: 200, stream, headers: { "Content-Type": "application/gzip" }, keep };
  },

  async atomCreateVersion({ ctx, params, query, body }) {
    const tag = String(body?.tag ?? query.tag ?? "");
    // rename=true, or rename=<new-name> as ppm publish --rename sends it (in the query or the JSON body).
    const given = String(body?.rename ?? query.rename ?? "").trim();
    const rename = given === "" || given === "false" ? false : given === "true" ? true : given;
    const version = await atom.publishAtomVersion(ctx, params.packageName, tag, rename);
    return created(presentAtomVersion(version.name, version, ctx.config));
  },

  async atomDeleteVersion({ ctx, params }) {
    await atom.deleteAtomVersion(ctx, params.packageName, params.versionName);
    return noContent();
  },

  async atomStarPackage({ ctx, params }) {
    return ok(presentAtomPackage(await stars.starAtomPackage(ctx, params.packageName), ctx.config));
  },

  async atomUnstarPackage({ ctx, params }) {
    await stars.unstarAtomPackage(ctx, params.packageName);
    return noContent();
  },

  async atomListStargazers({ ctx, params }) {
    const { name, logins } = await reads.readStargazers(ctx.sql, params.packageName);
    return okKept(logins.map(presentStargazer), reads.keepAtomPackageRead(params.packageName, name));
  },

  async atomListViewerStars({ ctx }) {
    const user = requireUser(ctx);
    return ok(presentAtomPackages(await stars.starredBy(ctx.db, user.id), ctx.config));
  },

  async atomListUserStars({ ctx, params }) {
    const { packages, keep } = await reads.readStarredBy(ctx.sql, params.login);
    return okKept(presentAtomPackages(packages, ctx.config), keep);
  },

  // The editor's update feed in Squirrel's format; 204 (nothing newer) until staff record a release.
  async atomGetUpdates({ ctx }) {
    const release = await latestEditorRelease(ctx.db);
    if (!release) return noContent();
    return ok({ name: release.name, notes: release.notes, pub_date: release.pubDate.toISOString(), url: release.url });
  },
};
