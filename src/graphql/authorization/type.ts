import { Field, ObjectType } from "type-graphql";
import { TokenPermissionType } from "../token/type";

@ObjectType("DeviceAuthorization", {
  description: "A client's pending request for a token (the device flow of `deno publish`), by the code it shows.",
})
export class DeviceAuthorizationType {
  @Field(() => String)
  code!: string;

  @Field(() => [TokenPermissionType], {
    nullable: true,
    description: "What the token would be limited to (deno asks to publish given versions); null: everything the approving user may do.",
  })
  permissions!: TokenPermissionType[] | null;

  @Field(() => Date, { description: "When the request lapses unless answered." })
  expiresAt!: Date;

  @Field(() => Date)
  createdAt!: Date;
}
