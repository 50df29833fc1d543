-- The default Atom list order (most downloaded first, the name breaking ties): a page's names are read from this
-- index instead of sorting every package, page 300 included.
CREATE INDEX "atom_packages_downloads_name_idx" ON "atom_packages"("downloads" DESC, "name");
