-- Each Atom package's star count, kept by triggers on atom_stars (as Pulsar keeps stargazers_count on the package):
-- a page sorted by stars counted the stars of every package, up to four times a row, and a 100-package GraphQL page
-- spent 2 ms of PostgreSQL's time on it. A star's name changes only with its package's (ON UPDATE CASCADE), and the
-- renamed package keeps its count: an update needs no trigger.
ALTER TABLE "atom_packages" ADD COLUMN "star_count" INTEGER NOT NULL DEFAULT 0;

UPDATE "atom_packages" p SET "star_count" = s.n FROM (SELECT "name", count(*) AS n FROM "atom_stars" GROUP BY "name") s WHERE p."name" = s."name";

CREATE INDEX "atom_packages_star_count_name_idx" ON "atom_packages"("star_count" DESC, "name");

-- The function bodies spell the semicolon as \073: Prisma's migration runner splits scripts at every semicolon, even inside a function body.
CREATE FUNCTION "atom_star_count_added"() RETURNS trigger LANGUAGE plpgsql
    AS E'BEGIN UPDATE "atom_packages" p SET "star_count" = p."star_count" + a.n FROM (SELECT "name", count(*) AS n FROM added GROUP BY "name") a WHERE p."name" = a."name"\073 RETURN NULL\073 END';

CREATE FUNCTION "atom_star_count_removed"() RETURNS trigger LANGUAGE plpgsql
    AS E'BEGIN UPDATE "atom_packages" p SET "star_count" = p."star_count" - r.n FROM (SELECT "name", count(*) AS n FROM removed GROUP BY "name") r WHERE p."name" = r."name"\073 RETURN NULL\073 END';

CREATE TRIGGER "atom_star_count_added" AFTER INSERT ON "atom_stars"
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "atom_star_count_added"();

CREATE TRIGGER "atom_star_count_removed" AFTER DELETE ON "atom_stars"
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "atom_star_count_removed"();
