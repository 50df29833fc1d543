-- Publishing tasks are claimed by one worker at a time under a renewed lease, and
-- made before their upload is stored (the tarball is null until it is).
ALTER TABLE "publishing_tasks" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lease_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "lease_token" UUID,
ALTER COLUMN "tarball" DROP NOT NULL;

-- What workers poll for: the unfinished tasks, oldest first.
CREATE INDEX "publishing_tasks_unfinished_idx" ON "publishing_tasks" ("created_at") WHERE "status" IN ('pending', 'processing', 'processed');
