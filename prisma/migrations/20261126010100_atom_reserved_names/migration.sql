-- Every name an Atom package has had, kept for its owner: nobody else may publish under an old or deleted name.
CREATE TABLE "atom_names" (
    "name" TEXT NOT NULL,
    "owner_user_id" UUID,
    "owner_scope" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "atom_names_pkey" PRIMARY KEY ("name")
);

-- Every Atom name@version ever published, with its tarball, kept across deletes: it never serves other bytes.
CREATE TABLE "atom_published_versions" (
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "tarball" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "atom_published_versions_pkey" PRIMARY KEY ("name","version")
);

-- CreateIndex
CREATE INDEX "atom_names_owner_user_id_idx" ON "atom_names"("owner_user_id");

-- CreateIndex
CREATE INDEX "atom_names_owner_scope_idx" ON "atom_names"("owner_scope");

-- AddForeignKey (an owner that goes away leaves its names to nobody)
ALTER TABLE "atom_names" ADD CONSTRAINT "atom_names_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "atom_names" ADD CONSTRAINT "atom_names_owner_scope_fkey" FOREIGN KEY ("owner_scope") REFERENCES "scopes"("scope") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "atom_names" ADD CONSTRAINT "atom_names_one_owner" CHECK ("owner_user_id" IS NULL OR "owner_scope" IS NULL);

-- Today's names and the names before renames are their packages' owners'.
INSERT INTO "atom_names" ("name", "owner_user_id", "owner_scope", "created_at")
    SELECT "name", "owner_user_id", "owner_scope", "created_at" FROM "atom_packages";
INSERT INTO "atom_names" ("name", "owner_user_id", "owner_scope", "created_at")
    SELECT r."old_name", p."owner_user_id", p."owner_scope", r."created_at" FROM "atom_renames" r JOIN "atom_packages" p ON p."name" = r."name"
    ON CONFLICT ("name") DO NOTHING;

-- Every version published so far, under today's name and under the names it was published with before a rename.
INSERT INTO "atom_published_versions" ("name", "version", "tarball", "created_at")
    SELECT "name", "version", "tarball", "created_at" FROM "atom_versions";
INSERT INTO "atom_published_versions" ("name", "version", "tarball", "created_at")
    SELECT r."old_name", v."version", v."tarball", v."created_at" FROM "atom_renames" r JOIN "atom_versions" v ON v."name" = r."name" AND v."created_at" <= r."created_at"
    ON CONFLICT ("name", "version") DO NOTHING;
