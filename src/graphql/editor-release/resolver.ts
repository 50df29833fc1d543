import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { recordEditorRelease } from "../../services/atom/editor-releases";
import type { GraphQLContext } from "../infra/context";
import { EditorReleaseType } from "./type";

@Resolver(() => EditorReleaseType)
export class EditorReleaseResolver {
  @Mutation(() => EditorReleaseType, { description: "Staff only: records an editor release for the Atom update feed." })
  recordEditorRelease(
    @Arg("name", () => String) name: string,
    @Arg("url", () => String) url: string,
    @Arg("notes", () => String, { defaultValue: "" }) notes: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EditorReleaseType> {
    return recordEditorRelease(ctx, { name, url, notes });
  }
}
