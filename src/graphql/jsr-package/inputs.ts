import { Field, InputType } from "type-graphql";

@InputType({ description: "Which runtimes a package works on (jsr's RuntimeCompat): true, false, or null for unknown." })
export class RuntimeCompatInput {
  @Field(() => Boolean, { nullable: true }) browser?: boolean | null;
  @Field(() => Boolean, { nullable: true }) deno?: boolean | null;
  @Field(() => Boolean, { nullable: true }) node?: boolean | null;
  @Field(() => Boolean, { nullable: true }) workerd?: boolean | null;
  @Field(() => Boolean, { nullable: true }) bun?: boolean | null;
}

@InputType({ description: "The settings to change; those left out stay as they are." })
export class UpdatePackageInput {
  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => Boolean, { nullable: true })
  isArchived?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Staff only." })
  isFeatured?: boolean;

  @Field(() => RuntimeCompatInput, { nullable: true, description: "Replaces the whole set; runtimes left out become unknown." })
  runtimeCompat?: RuntimeCompatInput;
}

/** The runtimes as stored (the shape REST writes): only those given, as plain JSON. */
export function runtimeCompatOf(input: RuntimeCompatInput | undefined): Record<string, boolean | null> | undefined {
  if (!input) return undefined;
  return Object.fromEntries(Object.entries({ ...input }).filter(([, v]) => v !== undefined)) as Record<string, boolean | null>;
}
