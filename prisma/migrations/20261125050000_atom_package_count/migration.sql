-- How many Atom packages there are, kept by triggers: every listing page needs the total for its Link header, and counting 10,000 rows cost more than the page itself.
CREATE TABLE "atom_package_count" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "count" INTEGER NOT NULL,

    CONSTRAINT "atom_package_count_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "atom_package_count_one_row" CHECK ("id")
);

INSERT INTO "atom_package_count" ("id", "count") SELECT true, count(*) FROM "atom_packages";

-- The function bodies spell the semicolon as \073: Prisma's migration runner splits scripts at every semicolon, even inside a function body.
CREATE FUNCTION "atom_package_count_added"() RETURNS trigger LANGUAGE plpgsql
    AS E'BEGIN UPDATE "atom_package_count" SET "count" = "count" + (SELECT count(*) FROM added)\073 RETURN NULL\073 END';

CREATE FUNCTION "atom_package_count_removed"() RETURNS trigger LANGUAGE plpgsql
    AS E'BEGIN UPDATE "atom_package_count" SET "count" = "count" - (SELECT count(*) FROM removed)\073 RETURN NULL\073 END';

CREATE TRIGGER "atom_package_count_added" AFTER INSERT ON "atom_packages"
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "atom_package_count_added"();

CREATE TRIGGER "atom_package_count_removed" AFTER DELETE ON "atom_packages"
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "atom_package_count_removed"();
