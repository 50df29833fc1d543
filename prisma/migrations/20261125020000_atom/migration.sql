-- CreateTable
CREATE TABLE "atom_packages" (
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "metadata" JSONB NOT NULL,
    "readme" TEXT NOT NULL DEFAULT '',
    "downloads" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "atom_packages_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "atom_versions" (
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "metadata" JSONB NOT NULL,
    "tarball" TEXT NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "atom_versions_pkey" PRIMARY KEY ("name","version")
);

-- CreateTable
CREATE TABLE "atom_stars" (
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "atom_stars_pkey" PRIMARY KEY ("user_id","name")
);

-- CreateIndex
CREATE INDEX "atom_packages_downloads_idx" ON "atom_packages"("downloads");

-- CreateIndex
CREATE INDEX "atom_stars_name_idx" ON "atom_stars"("name");

-- AddForeignKey
ALTER TABLE "atom_versions" ADD CONSTRAINT "atom_versions_name_fkey" FOREIGN KEY ("name") REFERENCES "atom_packages"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "atom_stars" ADD CONSTRAINT "atom_stars_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "atom_stars" ADD CONSTRAINT "atom_stars_name_fkey" FOREIGN KEY ("name") REFERENCES "atom_packages"("name") ON DELETE CASCADE ON UPDATE CASCADE;

