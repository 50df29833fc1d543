// The Package interface both ecosystems' packages implement.
import { Field, ID, InterfaceType, registerEnumType } from "type-graphql";
import { ConnectionType } from "../infra/connection";

export enum Ecosystem {
  JSR = "jsr",
  ATOM = "atom",
}
registerEnumType(Ecosystem, { name: "Ecosystem", description: "Which registry a package belongs to." });

@InterfaceType("Package", {
  description: "A package of either ecosystem.",
  resolveType: (pkg: { ecosystem: Ecosystem }) => (pkg.ecosystem === Ecosystem.JSR ? "JsrPackage" : "AtomPackage"),
})
export abstract class PackageInterface {
  @Field(() => ID, { description: 'Unique across ecosystems: "jsr:@scope/name" or "atom:name".' })
  id!: string;

  @Field(() => Ecosystem)
  ecosystem!: Ecosystem;

  @Field(() => String, { description: "The package's name within its scope (jsr) or registry (Atom)." })
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

export const PackageConnection = ConnectionType(PackageInterface, "Package");
