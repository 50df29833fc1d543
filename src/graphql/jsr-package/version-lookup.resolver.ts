// One version of a package by its number, for pages that show /@scope/name@version.
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../infra/context";
import { JsrVersionType } from "../jsr-version/type";
import { JsrPackageType } from "./type";

@Resolver(() => JsrPackageType)
export class JsrPackageVersionLookupResolver {
  @FieldResolver(() => JsrVersionType, { nullable: true, name: "version", description: "One version, yanked or not; null if there is none." })
  async versionNamed(@Root() pkg: JsrPackageType, @Arg("version", () => String) version: string, @Ctx() ctx: GraphQLContext): Promise<JsrVersionType | null> {
    const versions = await ctx.loaders.versionsByPackage.load(`${pkg.scope}/${pkg.name}`);
    return (versions.find((v) => v.version === version) as JsrVersionType | undefined) ?? null;
  }
}
