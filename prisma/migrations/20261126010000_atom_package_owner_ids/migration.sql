-- An Atom package's owner by id (a user, or a scope by its key), no longer by comparing names: a scope named like a user
-- (or a user named like a scope) must get no rights to the other's packages. "owner" stays, as the name shown.
ALTER TABLE "atom_packages" ADD COLUMN     "owner_scope" TEXT,
ADD COLUMN     "owner_user_id" UUID;

-- CreateIndex
CREATE INDEX "atom_packages_owner_user_id_idx" ON "atom_packages"("owner_user_id");

-- CreateIndex
CREATE INDEX "atom_packages_owner_scope_idx" ON "atom_packages"("owner_scope");

-- AddForeignKey
ALTER TABLE "atom_packages" ADD CONSTRAINT "atom_packages_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "atom_packages" ADD CONSTRAINT "atom_packages_owner_scope_fkey" FOREIGN KEY ("owner_scope") REFERENCES "scopes"("scope") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A package has one owner at most, and with neither only staff may manage it.
ALTER TABLE "atom_packages" ADD CONSTRAINT "atom_packages_one_owner" CHECK ("owner_user_id" IS NULL OR "owner_scope" IS NULL);

-- Backfill: the old owner string named a user by login, else a scope (a user wins where both had the name).
UPDATE "atom_packages" p SET "owner_user_id" = u."id" FROM "users" u WHERE u."login" = p."owner";
UPDATE "atom_packages" p SET "owner_scope" = s."scope" FROM "scopes" s WHERE p."owner_user_id" IS NULL AND s."scope" = p."owner";
