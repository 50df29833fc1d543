import "reflect-metadata";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
// One resolver per GraphQL type, each in its feature's folder. The order of the
// imports is the order of schema.graphql: types are printed in the order their
// classes were declared (JsrPackage first), Query and Mutation fields in the order
// their resolvers were.
import "./jsr-package/type";
import { AtomPackageResolver } from "./atom-package/resolver";
import { AuthorizationResolver } from "./authorization/resolver";
import { EditorReleaseResolver } from "./editor-release/resolver";
import { PackageResolver } from "./package/resolver";
import { SearchResolver } from "./search/resolver";
import { StatsResolver } from "./stats/resolver";
import { JsrPackageResolver } from "./jsr-package/resolver";
import { JsrVersionResolver } from "./jsr-version/resolver";
import { PublishingTaskResolver } from "./publishing-task/resolver";
import { ScopeResolver } from "./scope/resolver";
import { ScopeMemberResolver } from "./scope-member/resolver";
import { ScopeInviteResolver } from "./scope-invite/resolver";
import { UserResolver } from "./user/resolver";
import { TokenResolver } from "./token/resolver";
import { SessionResolver } from "./session/resolver";
import { JsrVersionContentResolver } from "./jsr-version/content.resolver";
import { JsrPackageVersionLookupResolver } from "./jsr-package/version-lookup.resolver";
import { AtomPackageReadmeResolver } from "./atom-package/readme.resolver";
import { AtomVersionResolver } from "./atom-package/version.resolver";
import { JsrPackageScoreResolver, JsrVersionDocsResolver } from "./jsr-docs/resolver";

export function buildWharfSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      AtomPackageResolver,
      AuthorizationResolver,
      EditorReleaseResolver,
      PackageResolver,
      SearchResolver,
      StatsResolver,
      JsrPackageResolver,
      JsrVersionResolver,
      PublishingTaskResolver,
      ScopeResolver,
      ScopeMemberResolver,
      ScopeInviteResolver,
      UserResolver,
      TokenResolver,
      SessionResolver,
      JsrVersionContentResolver,
      JsrPackageVersionLookupResolver,
      AtomPackageReadmeResolver,
      AtomVersionResolver,
      JsrVersionDocsResolver,
      JsrPackageScoreResolver,
    ],
    validate: false,
  });
}
