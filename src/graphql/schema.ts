import "reflect-metadata";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { AtomPackageResolver } from "./resolvers/atom-package";
import { AuthorizationResolver } from "./resolvers/authorization";
import { EditorReleaseResolver } from "./resolvers/editor-release";
import { PackageResolver } from "./resolvers/package";
import { JsrPackageVersionsResolver, JsrVersionResolver } from "./resolvers/version";
import { ScopeResolver } from "./resolvers/scope";
import { ScopeInviteResolver, ScopeMemberResolver } from "./resolvers/scope-member";
import { TokenResolver } from "./resolvers/token";
import { UserResolver } from "./resolvers/user";
import { AtomPackageContentResolver, JsrPackageVersionLookupResolver, JsrVersionContentResolver } from "./jsr-version/content.resolver";

export function buildWharfSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [UserResolver, ScopeResolver, ScopeMemberResolver, ScopeInviteResolver, AuthorizationResolver, PackageResolver, JsrPackageVersionsResolver, JsrVersionResolver, AtomPackageResolver, EditorReleaseResolver, TokenResolver,
      JsrPackageVersionLookupResolver, JsrVersionContentResolver, AtomPackageContentResolver],
    validate: false,
  });
}
