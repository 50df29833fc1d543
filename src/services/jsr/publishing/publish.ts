// Publishing a jsr version: the upload answers at once with a task, and the
// task is processed in the background by whichever Wharf claims it (see
// task-leases.ts and publish-worker.ts). A version becomes visible only when
// its whole task succeeds, in one transaction with its files and dependencies.
import type { Readable } from "node:stream";
import semver from "semver";
import type { PublishingTask } from "../../../generated/prisma/client";
import { errorFields, malformed, PublishError, WharfError, type TaskFailureCode } from "../../../errors";
import type { Logger } from "../../../logger";
import { BlobTooLargeError, type BlobStore } from "../../../storage/blob-store";
import type { Db } from "../../../storage/database";
import type { ServiceContext } from "../../shared/context";
import { inBatches } from "../../shared/cooperative";
import type { Dependency } from "./module-imports";
import { packagePathProblem } from "./package-paths";
import { packageChanged } from "../package-events";
import { insertPackageFiles } from "../../../storage/queries/package-files";
import { fillVersionBulk, insertPackageVersion, insertVersionDocs } from "../../../storage/queries/package-versions";
import type { SqlReader } from "../../../storage/sql-reader";
import { requirePermittedTarball, requirePublisher } from "../../shared/policies";
import { dependenciesOf, readConfig, type PackageConfig } from "./publish-config";
import { getScope, scopeQuotas } from "../../accounts/scopes";
import { isUniqueViolation } from "../../../storage/pg-errors";
import { lockPackage, lockRow } from "../../../storage/queries/locks";
import { MAX_TARBALL_BYTES, unpackTarball, type UnpackedPackage } from "./tarball";
import { generateDocs, type GeneratedDocs } from "../docs/generate-docs";
import { announcePackageChange } from "../../../storage/change-feed";
import { advance, fail, holdLease, LeaseLost, newLeaseToken, release, setLease, succeed, taskReady, type HeldTask } from "./task-leases";

/** What processing needs: no request, no actor (it runs in the background). */
export interface PublishWorker {
  db: Db;
  /** Plain statements on the pool: a version's megabytes of module graph and docs. */
  sql: SqlReader;
  blobs: BlobStore;
  log: Logger;
  /** How long a claim on a task lasts unless renewed (WHARF_TASK_LEASE_MS). */
  leaseMs: number;
}

export interface Upload {
  scope: string;
  name: string;
  version: string;
  configPath: string;
  contentEncoding?: string;
  /** The Content-Length header, when the client sent one. */
  contentLength?: number;
  body: Readable;
}

const README = /^\/readme(?:\.md|\.markdown)?$/i;
/** A task that fails this often for want of the database (or a bug) fails for good. */
const MAX_ATTEMPTS = 5;
// Rows per INSERT when a version's files and dependencies are committed.
const INSERT_BATCH = 1000;

export async function startPublish(ctx: ServiceContext, upload: Upload): Promise<PublishingTask> {
  const { scope, name, version, configPath } = upload;
  if (!semver.valid(version) || semver.clean(version) !== version) {
    throw malformed(`${JSON.stringify(version)} is not a semver version`);
  }
  const pathProblem = packagePathProblem(configPath);
  if (pathProblem) throw malformed(`config ${pathProblem}`);
  // As upstream: a declared size over the limit is refused before anything is stored or counted.
  if (upload.contentLength !== undefined && upload.contentLength > MAX_TARBALL_BYTES) throw tooLarge();
  if (upload.contentEncoding !== "gzip") throw new WharfError("missingGzipContentEncoding");
  const { user, tarballHashes } = await requirePublisher(ctx, scope, name, version);

  // The task is made before a byte is stored: a version that cannot be published is refused first, and every
  // upload that is stored counts against the weekly quota, even one that then fails.
  const token = newLeaseToken();
  const task = await openTask(ctx, { userId: user.id, scope, name, version, configPath }, token);
  const held = { id: task.id, token };
  const lease = holdLease(ctx.db, held, ctx.config.taskLeaseMs, ctx.log);
  try {
    const { sha256 } = await ctx.blobs.put(upload.body, { maxBytes: MAX_TARBALL_BYTES });
    // Hashed while stored, as upstream hashes it while uploading: the upload is never held in memory.
    requirePermittedTarball(tarballHashes, sha256);
    // Handed over to the workers: nobody holds it now, the first to look takes it.
    const handed = await ctx.db.publishingTask.updateMany({
      where: { id: task.id, leaseToken: token, status: "pending" },
      data: { tarball: sha256, leaseToken: null, leaseExpiresAt: null },
    });
    if (handed.count > 0) taskReady();
  } catch (err) {
    const refusal = err instanceof BlobTooLargeError ? tooLarge() : err instanceof WharfError ? err : undefined;
    const [code, message]: [TaskFailureCode, string] = refusal ? [refusal.code, refusal.message] : ["uploadIncomplete", "The upload of the tarball did not complete."];
    await fail(ctx.db, held, code, message).catch((failure) =>
      // Left as it is, the task is failed by a worker once its lease runs out.
      ctx.log.warn("could not fail a publishing task", { id: task.id, error: String(failure?.message ?? failure) }),
    );
    throw refusal ?? err;
  } finally {
    lease.stop();
  }
  return getPublishingTask(ctx.db, task.id);
}

function tooLarge(): WharfError {
  return new WharfError("tarballSizeLimitExceeded", `The uploaded tarball exceeds the maximum allowed size (${MAX_TARBALL_BYTES} bytes).`);
}

type NewTask = Pick<PublishingTask, "userId" | "scope" | "name" | "version" | "configPath">;

/** Makes the upload's task, held by the upload under `token`, if the version may be published and the quota allows. */
async function openTask(ctx: ServiceContext, data: NewTask, token: string): Promise<PublishingTask> {
  const { scope, name, version } = data;
  try {
    return await ctx.db.$transaction(async (tx) => {
      // One upload at a time per scope decides on its quota: two at once cannot both slip under it.
      await lockRow(tx, "scopes", "scope", scope);
      // And the package cannot be deleted until this task is there for the deletion to see.
      const pkg = await lockPackage(tx, scope, name, "share");
      if (!pkg) throw new WharfError("packageNotFound");
      if (pkg.isArchived) throw new WharfError("packageArchived");
      const taken =
        (await tx.packageVersion.count({ where: { scope, name, version } })) +
        (await tx.publishingTask.count({ where: { scope, name, version, status: { not: "failure" } } }));
      if (taken > 0) throw new WharfError("duplicateVersionPublish");
      const { publishAttemptsPerWeekUsage, publishAttemptsPerWeekLimit } = await scopeQuotas(tx, await getScope(tx, scope));
      if (publishAttemptsPerWeekUsage >= publishAttemptsPerWeekLimit) {
        throw new WharfError(
          "weeklyPublishAttemptsLimitExceeded",
          `Exceeded weekly limit of ${publishAttemptsPerWeekLimit} publish attempts for scope.`,
        );
      }
      const task = await tx.publishingTask.create({ data: { ...data, leaseToken: token } });
      await setLease(tx, { id: task.id, token }, ctx.config.taskLeaseMs);
      return task;
    });
  } catch (err) {
    // The partial unique index allows one live task per version.
    if (isUniqueViolation(err)) throw new WharfError("duplicateVersionPublish");
    throw err;
  }
}

export async function getPublishingTask(db: Db, id: string): Promise<PublishingTask> {
  const task = /^[0-9a-f-]{36}$/i.test(id) ? await db.publishingTask.findUnique({ where: { id } }) : null;
  if (!task) throw new WharfError("publishNotFound");
  return task;
}

/**
 * Processes a task the worker has claimed, to success or failure. Everything
 * it writes is conditional on still holding the task: if its lease ran out and
 * another Wharf took the task over, this one's work is dropped.
 */
export async function processTask(worker: PublishWorker, task: HeldTask): Promise<void> {
  const { db, blobs, log } = worker;
  const lease = holdLease(db, task, worker.leaseMs, log);
  try {
    log.info("processing publishing task", { id: task.id, attempt: task.attempts });
    // Its upload claimed it first, and died before storing the tarball.
    if (task.tarball === null) throw new PublishError("uploadIncomplete", "The upload of the tarball did not complete.");
    await advance(db, task, "processing");
    const source = await blobs.open(task.tarball);
    if (!source) throw new Error(`the tarball of task ${task.id} is missing from the blob store`);
    const unpacked = await unpackTarball(blobs, source, (path) => path === task.configPath || /^\/licen[cs]e/i.test(path) || README.test(path));
    const config = await readConfig(unpacked, task.configPath, { fullName: `@${task.scope}/${task.name}`, version: task.version });
    const dependencies = dependenciesOf(unpacked, config);
    if (lease.lost) throw new LeaseLost(task.id);
    // Docs that cannot be made say why, and the version is published without them.
    const readme = unpacked.files.find((f) => README.test(f.path))?.path ?? null;
    const docs = await generateDocs(blobs, unpacked, config, readme === null ? null : (unpacked.texts.get(readme) ?? ""));
    if (docs.error) log.warn("no docs for a published version", { package: `@${task.scope}/${task.name}`, version: task.version, reason: docs.error });
    if (lease.lost) throw new LeaseLost(task.id);
    await advance(db, task, "processed");
    await commitVersion(db, task, { unpacked, readme, config, dependencies, docs });
    // Before anything else runs here: a client that saw the success must not get the old meta.json from this cache.
    packageChanged(task.scope, task.name);
    const committed = { scope: task.scope, name: task.name, version: task.version };
    // The version is published; without these (the database away a moment) it is served as deno reads any module.
    await fillVersionBulk(worker.sql, committed, { moduleGraph: Object.fromEntries(unpacked.moduleGraph), docsJson: docs.json }).catch((err) =>
      log.warn("could not store a published version's module graph or docs", { ...committed, ...errorFields(err) }),
    );
    // Again: a version's _meta.json read in between was cached without its module graph.
    packageChanged(task.scope, task.name);
    log.info("published", { id: task.id, package: `@${task.scope}/${task.name}`, version: task.version, files: unpacked.files.length });
  } catch (err) {
    await settle(worker, task, err);
  } finally {
    lease.stop();
  }
}

/** What processing made of an upload, to be committed. */
interface MadeVersion {
  unpacked: UnpackedPackage;
  /** The README's path, if the package has one. */
  readme: string | null;
  config: PackageConfig;
  dependencies: Dependency[];
  docs: GeneratedDocs;
}

/** The version, its files and dependencies, and the task's success: all at once, or nothing. */
async function commitVersion(db: Db, task: HeldTask, made: MadeVersion): Promise<void> {
  const { unpacked, readme, config, dependencies, docs } = made;
  const { scope, name, version } = task;
  await db.$transaction(
    async (tx) => {
      // A package cannot be deleted while it has a task under way; this is the last line should one be anyway.
      if (!(await lockPackage(tx, scope, name, "noKeyUpdate"))) {
        throw new PublishError("packageNotFound", "The package was deleted while this version was being published.");
      }
      // First, so that a Wharf that lost the task stops here, and nobody can claim it while this commits.
      await succeed(tx, task);
      const usesNpm = dependencies.some((d) => d.kind === "npm");
      // The module graph and the docs (megabytes, for a big package) are filled in after the commit: fillVersionBulk.
      await insertPackageVersion(tx, { scope, name, version, exports: config.exports, readme, usesNpm });
      // Batches, with the event loop given back between them: thousands of files must not stall other requests.
      await inBatches(unpacked.files, INSERT_BATCH, (files) => insertPackageFiles(tx, { scope, name, version }, files));
      await inBatches(dependencies, INSERT_BATCH, (batch) =>
        tx.packageDependency.createMany({
          data: batch.map((d) => ({ scope, name, version, kind: d.kind, dependency: d.name, constraint: d.constraint, path: d.path })),
        }),
      );
      await insertVersionDocs(tx, { scope, name, version }, { error: docs.error, score: { ...docs.score } });
      await tx.package.update({ where: { scope_name: { scope, name } }, data: { updatedAt: new Date() } });
      await announcePackageChange(tx, scope, name);
    },
    // Generous: a big version on a busy machine; the task's row is locked (and so unclaimable) meanwhile.
    { maxWait: 30_000, timeout: 120_000 },
  );
}

/**
 * Ends a failed processing: the publisher's mistakes fail the task; anything else (the database away, the disk)
 * lets go of it to be tried again later, by any Wharf, until it has failed too often.
 */
async function settle(worker: PublishWorker, task: HeldTask, err: unknown): Promise<void> {
  const { db, log } = worker;
  if (err instanceof LeaseLost) {
    log.warn("publishing task taken over by another worker", { id: task.id });
    return;
  }
  let failure: { code: TaskFailureCode; message: string } | undefined;
  if (err instanceof PublishError) failure = { code: err.code, message: err.message };
  // No version row without its task: one there already came from elsewhere.
  else if (isUniqueViolation(err)) failure = { code: "duplicateVersionPublish", message: "This version of the package is already published." };
  else {
    const { error } = errorFields(err);
    if (task.attempts >= MAX_ATTEMPTS) {
      log.error("publishing task failed", { id: task.id, attempt: task.attempts, error });
      failure = { code: "internalServerError", message: "Internal Server Error" };
    } else {
      log.error("publishing task failed, to be retried", { id: task.id, attempt: task.attempts, error });
    }
  }
  try {
    if (failure) await fail(db, task, failure.code, failure.message);
    else await release(db, task, retryDelay(task.attempts, worker.leaseMs));
  } catch (recording) {
    // The database is away: the lease runs out, and the task is tried again (and failed then, if it must be).
    log.warn("could not record a publishing task's outcome; it will be retried", { id: task.id, error: String((recording as Error)?.message ?? recording) });
  }
}

/** 1 s, 2 s, 4 s, ... after each failed attempt, never longer than a lease. */
function retryDelay(attempts: number, leaseMs: number): number {
  return Math.min(leaseMs, 1000 * 2 ** Math.max(0, attempts - 1));
}
