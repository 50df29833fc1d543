// How the packages query filters and orders.
import { Field, InputType, registerEnumType } from "type-graphql";
import { Ecosystem } from "./type";

export enum PackageOrderBy {
  CREATED_AT = "createdAt",
  UPDATED_AT = "updatedAt",
  NAME = "name",
  DOWNLOADS = "downloads",
  STARS = "stars",
}
registerEnumType(PackageOrderBy, {
  name: "PackageOrderBy",
  valuesConfig: { DOWNLOADS: { description: "Atom packages only." }, STARS: { description: "Atom packages only; most starred first." } },
});

export enum OrderDirection {
  ASC = "asc",
  DESC = "desc",
}
registerEnumType(OrderDirection, { name: "OrderDirection" });

@InputType()
export class PackageFilter {
  @Field(() => Ecosystem, { nullable: true, description: "Only this ecosystem's packages." })
  ecosystem?: Ecosystem;

  @Field(() => String, { nullable: true, description: "jsr: only this scope's packages." })
  scope?: string;

  @Field(() => String, { nullable: true, description: "Words the name or description contains." })
  query?: string;
}

@InputType()
export class PackageOrder {
  @Field(() => PackageOrderBy)
  field!: PackageOrderBy;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC })
  direction!: OrderDirection;
}
