import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { getPublishingTask } from "../../services/jsr/publishing/publish";
import type { GraphQLContext } from "../infra/context";
import { LOOKUP_COST } from "../infra/cost";
import { orNull } from "../infra/not-found";
import { PublishingTaskType } from "./type";

@Resolver(() => PublishingTaskType)
export class PublishingTaskResolver {
  @Query(() => PublishingTaskType, { nullable: true, complexity: LOOKUP_COST, description: "A publishing task, as `deno publish` polls it." })
  publishingTask(@Arg("id", () => String) id: string, @Ctx() ctx: GraphQLContext): Promise<PublishingTaskType | null> {
    return orNull(getPublishingTask(ctx.db, id));
  }
}
