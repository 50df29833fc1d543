// An Atom package's README as safe HTML, for its page.
import { FieldResolver, Resolver, Root } from "type-graphql";
import { ReadmeCache, renderReadme } from "../../services/jsr/readme-html";
import { AtomPackageType } from "./type";

// A README changes only with a new version: keyed by the text itself.
const readmes = new ReadmeCache();

@Resolver(() => AtomPackageType)
export class AtomPackageReadmeResolver {
  @FieldResolver(() => String, { description: "The latest version's readme rendered to sanitized HTML." })
  readmeHtml(@Root() pkg: AtomPackageType): string {
    // No files to point relative links at (the package lives in a git repository): they are dropped.
    return readmes.get(pkg.readme, () => renderReadme(pkg.readme, { files: null }));
  }
}
