-- CreateTable
CREATE TABLE "atom_daily_downloads" (
    "name" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "atom_daily_downloads_pkey" PRIMARY KEY ("name","day")
);

-- AddForeignKey
ALTER TABLE "atom_daily_downloads" ADD CONSTRAINT "atom_daily_downloads_name_fkey" FOREIGN KEY ("name") REFERENCES "atom_packages"("name") ON DELETE CASCADE ON UPDATE CASCADE;

