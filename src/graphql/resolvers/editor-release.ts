import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import { recordEditorRelease } from "../../services/atom/editor-releases";
import type { GraphQLContext } from "../context";

@ObjectType("EditorRelease", { description: "An editor release offered by /atom/api/updates." })
class EditorReleaseType {
  @Field(() => String, { description: "The version." }) name!: string;
  @Field(() => String) notes!: string;
  @Field(() => String) url!: string;
  @Field(() => Date) pubDate!: Date;
}

@Resolver()
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
