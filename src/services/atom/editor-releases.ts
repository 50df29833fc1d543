// Editor releases that /atom/api/updates offers, recorded by staff.
import type { EditorRelease } from "../../generated/prisma/client";
import { malformed } from "../../errors";
import type { Tx } from "../../storage/database";
import type { ServiceContext } from "../shared/context";
import { requireStaff } from "../shared/policies";
import semver from "semver";

export async function recordEditorRelease(
  ctx: ServiceContext,
  input: { name: string; notes?: string; url: string; pubDate?: Date },
): Promise<EditorRelease> {
  requireStaff(ctx);
  if (!semver.valid(input.name)) throw malformed("a release's name is its semver version");
  const data = { notes: input.notes ?? "", url: input.url, pubDate: input.pubDate ?? new Date() };
  return ctx.db.editorRelease.upsert({ where: { name: input.name }, create: { name: input.name, ...data }, update: data });
}

/** The newest release by version, if any has been recorded. */
export async function latestEditorRelease(db: Tx): Promise<EditorRelease | undefined> {
  return (await db.editorRelease.findMany()).sort((a, b) => semver.rcompare(a.name, b.name))[0];
}
