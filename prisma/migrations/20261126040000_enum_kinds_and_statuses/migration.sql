-- Token kinds, publishing task statuses and dependency kinds become enums, so that
-- the database holds only what the API can present (openapi.yaml's enums).
-- `prisma migrate diff` writes DROP COLUMN + ADD COLUMN, which loses every row's
-- value: the columns are converted in place instead. The partial indexes whose
-- predicates compare the status with text are dropped first and made again after.

-- CreateEnum
CREATE TYPE "TokenKind" AS ENUM ('personal', 'device');

-- CreateEnum
CREATE TYPE "PublishingTaskStatus" AS ENUM ('pending', 'processing', 'processed', 'success', 'failure');

-- CreateEnum
CREATE TYPE "DependencyKind" AS ENUM ('jsr', 'npm');

-- AlterTable
ALTER TABLE "tokens" ALTER COLUMN "kind" DROP DEFAULT,
ALTER COLUMN "kind" TYPE "TokenKind" USING "kind"::"TokenKind",
ALTER COLUMN "kind" SET DEFAULT 'personal';

-- AlterTable
ALTER TABLE "package_dependencies" ALTER COLUMN "kind" TYPE "DependencyKind" USING "kind"::"DependencyKind";

-- DropIndex
DROP INDEX "publishing_tasks_one_live_per_version";

-- DropIndex
DROP INDEX "publishing_tasks_unfinished_idx";

-- AlterTable
ALTER TABLE "publishing_tasks" ALTER COLUMN "status" DROP DEFAULT,
ALTER COLUMN "status" TYPE "PublishingTaskStatus" USING "status"::"PublishingTaskStatus",
ALTER COLUMN "status" SET DEFAULT 'pending';

-- CreateIndex
CREATE UNIQUE INDEX "publishing_tasks_one_live_per_version" ON "publishing_tasks" ("scope", "name", "version") WHERE "status" <> 'failure';

-- CreateIndex
CREATE INDEX "publishing_tasks_unfinished_idx" ON "publishing_tasks" ("created_at") WHERE "status" IN ('pending', 'processing', 'processed');
