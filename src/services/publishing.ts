// Publishing a jsr version: the upload answers at once with a task, and the
// task is processed in the background. A version becomes visible only when
// its whole task succeeds, in one transaction with its files and dependencies.
import type { Readable } from "node:stream";
import semver from "semver";
import type { PublishingTask } from "../generated/prisma/client";
import { WharfError } from "../errors";
import type { Logger } from "../logger";
import { BlobTooLargeError, type BlobStore } from "../storage/blob-store";
import type { Db } from "../storage/database";
import type { ServiceContext } from "./context";
import { packagePathProblem } from "./package-paths";
import { packageChanged } from "./package-events";
import { getPackage } from "./packages";
import { requirePermittedTarball, requirePublisher } from "./policies";
import { dependenciesOf, readConfig } from "./publish-config";
import { getScope, scopeQuotas } from "./scopes";
import { isUniqueViolation } from "./sql";
import { MAX_TARBALL_BYTES, PublishError, unpackTarball } from "./tarball";

const UNFINISHED = ["pending", "processing", "processed"];

/** What processing needs: no request, no actor (it also runs at start-up). */
export interface PublishWorker {
  db: Db;
  blobs: BlobStore;
  log: Logger;
}

export interface Upload {
  scope: string;
  name: string;
  version: string;
  configPath: string;
  contentEncoding?: string;
  body: Readable;
}

export async function startPublish(ctx: ServiceContext, upload: Upload): Promise<PublishingTask> {
  const { scope, name, version, configPath } = upload;
  if (!semver.valid(version) || semver.clean(version) !== version) {
    throw new WharfError("malformedRequest", `Malformed request: ${JSON.stringify(version)} is not a semver version.`);
  }
  const pathProblem = packagePathProblem(configPath);
  if (pathProblem) throw new WharfError("malformedRequest", `Malformed request: config ${pathProblem}.`);
  if (upload.contentEncoding !== "gzip") throw new WharfError("missingGzipContentEncoding");
  const { user, tarballHashes } = await requirePublisher(ctx, scope, name, version);
  const pkg = await getPackage(ctx.db, scope, name);
  if (pkg.isArchived) throw new WharfError("packageArchived");
  const { publishAttemptsPerWeekUsage, publishAttemptsPerWeekLimit } = await scopeQuotas(ctx.db, await getScope(ctx.db, scope));
  if (publishAttemptsPerWeekUsage >= publishAttemptsPerWeekLimit) {
    throw new WharfError(
      "weeklyPublishAttemptsLimitExceeded",
      `Exceeded weekly limit of ${publishAttemptsPerWeekLimit} publish attempts for scope.`,
    );
  }

  let tarball: string;
  try {
    tarball = (await ctx.blobs.put(upload.body, { maxBytes: MAX_TARBALL_BYTES })).sha256;
  } catch (err) {
    if (err instanceof BlobTooLargeError) {
      throw new WharfError("tarballSizeLimitExceeded", `The uploaded tarball exceeds the maximum allowed size (${MAX_TARBALL_BYTES} bytes).`);
    }
    throw err;
  }
  // Hashed while stored, as upstream hashes it while uploading: the upload is never held in memory.
  requirePermittedTarball(tarballHashes, tarball);
  let task: PublishingTask;
  try {
    task = await ctx.db.publishingTask.create({ data: { userId: user.id, scope, name, version, configPath, tarball } });
  } catch (err) {
    // The partial unique index allows one live task per version.
    if (isUniqueViolation(err)) throw new WharfError("duplicateVersionPublish");
    throw err;
  }
  setImmediate(() => void processTask(ctx, task.id));
  return task;
}

export async function getPublishingTask(db: Db, id: string): Promise<PublishingTask> {
  const task = /^[0-9a-f-]{36}$/i.test(id) ? await db.publishingTask.findUnique({ where: { id } }) : null;
  if (!task) throw new WharfError("publishNotFound");
  return task;
}

/** Picks up the tasks a stopped or crashed Wharf left unfinished. */
export async function resumeUnfinishedTasks(worker: PublishWorker): Promise<void> {
  const tasks = await worker.db.publishingTask.findMany({ where: { status: { in: UNFINISHED } }, orderBy: { createdAt: "asc" } });
  for (const task of tasks) {
    worker.log.info("resuming publishing task", { id: task.id });
    await processTask(worker, task.id);
  }
}

/**
 * Processes a task to success or failure. Safe to run twice at once (two
 * Wharfs resuming the same task): blobs are content-addressed, and the
 * version's rows go in with one transaction that only one can commit.
 */
export async function processTask(worker: PublishWorker, id: string): Promise<void> {
  const { db, blobs, log } = worker;
  const task = await db.publishingTask.findUnique({ where: { id } });
  if (!task || !UNFINISHED.includes(task.status)) return;
  try {
    await setStatus(db, id, "processing");
    const source = await blobs.open(task.tarball);
    if (!source) throw new Error(`the tarball of task ${id} is missing from the blob store`);
    const unpacked = await unpackTarball(blobs, source, (path) => path === task.configPath || /^\/licen[cs]e/i.test(path));
    const config = readConfig(unpacked, task.configPath, { fullName: `@${task.scope}/${task.name}`, version: task.version });
    const dependencies = dependenciesOf(unpacked, config);
    await setStatus(db, id, "processed");
    const readme = unpacked.files.find((f) => /^\/readme(?:\.md|\.markdown)?$/i.test(f.path))?.path ?? null;
    const key = { scope: task.scope, name: task.name, version: task.version };
    await db.$transaction(async (tx) => {
      await tx.packageVersion.create({ data: { ...key, exports: config.exports, readme } });
      await tx.packageFile.createMany({ data: unpacked.files.map((f) => ({ ...key, ...f })) });
      await tx.packageDependency.createMany({
        data: dependencies.map((d) => ({ ...key, kind: d.kind, dependency: d.name, constraint: d.constraint, path: d.path })),
      });
      await tx.package.update({ where: { scope_name: { scope: task.scope, name: task.name } }, data: { updatedAt: new Date() } });
      await tx.publishingTask.update({ where: { id }, data: { status: "success" } });
    });
    packageChanged(task.scope, task.name);
    log.info("published", { package: `@${task.scope}/${task.name}`, version: task.version, files: unpacked.files.length });
  } catch (err) {
    if (isUniqueViolation(err)) return; // another Wharf published this task's version first
    const failure =
      err instanceof PublishError ? { code: err.code, message: err.message } : { code: "internalServerError", message: "Internal Server Error" };
    if (!(err instanceof PublishError)) log.error("publishing task failed", { id, error: String((err as Error)?.stack ?? err) });
    await db.publishingTask.update({ where: { id }, data: { status: "failure", errorCode: failure.code, errorMessage: failure.message } });
  }
}

async function setStatus(db: Db, id: string, status: string): Promise<void> {
  await db.publishingTask.update({ where: { id }, data: { status } });
}
