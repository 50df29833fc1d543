/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AtomPackagePage($name: String!) {\n    package(ecosystem: ATOM, name: $name) {\n      ... on AtomPackage {\n        name\n        description\n        owner\n        repository\n        keywords\n        readmeHtml\n        downloadCount\n        starCount\n        latestVersion { version }\n        versions(first: 100) { totalCount nodes { version engine createdAt } }\n        stargazers(first: 100) { totalCount nodes { login } }\n        downloads { total daily { date count } }\n      }\n    }\n  }\n": typeof types.AtomPackagePageDocument,
    "\n  query Home {\n    stats {\n      packageCount\n      jsrPackageCount\n      atomPackageCount\n      userCount\n      scopeCount\n      newest { ...PackageSummary }\n      updated { ...PackageSummary }\n      featured { ...PackageSummary }\n    }\n  }\n  fragment PackageSummary on Package {\n    __typename\n    name\n    description\n    updatedAt\n    ... on JsrPackage { fullName latestVersion { version } }\n    ... on AtomPackage { downloadCount starCount latestVersion { version } }\n  }\n": typeof types.HomeDocument,
    "\n  query PackagePage($scope: String!, $name: String!, $version: String!, $pinned: Boolean!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        fullName\n        description\n        isArchived\n        githubRepository\n        latestVersion { version }\n        pinned: version(version: $version) @include(if: $pinned) { ...VersionDetail }\n        latest: latestVersion @skip(if: $pinned) { ...VersionDetail }\n        versions(first: 100) { totalCount nodes { version yanked createdAt } }\n        dependents(first: 100) { totalCount nodes { ...PackageSummary } }\n      }\n    }\n  }\n  fragment VersionDetail on JsrVersion {\n    version\n    yanked\n    createdAt\n    readmeHtml\n    exports { name path }\n    files { path size }\n    dependencies { kind name constraint path }\n  }\n": typeof types.PackagePageDocument,
    "\n  query ScopePage($scope: String!) {\n    scope(name: $scope) {\n      scope\n      description\n      members(first: 50) { totalCount nodes { isAdmin user { login } } }\n      packages(first: 100) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n": typeof types.ScopePageDocument,
    "\n  query Search($query: String!, $ecosystem: Ecosystem, $after: String) {\n    search(query: $query, ecosystem: $ecosystem, first: 20, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...PackageSummary }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query SourcePage($scope: String!, $name: String!, $version: String!, $path: String!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        version(version: $version) { version source(path: $path) { path size text } }\n      }\n    }\n  }\n": typeof types.SourcePageDocument,
    "\n  query UserPage($login: String!) {\n    user(login: $login) {\n      login\n      name\n      scopes(first: 20) { nodes { scope packages(first: 20) { nodes { ...PackageSummary } } } }\n      atomPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n      starredPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n": typeof types.UserPageDocument,
};
const documents: Documents = {
    "\n  query AtomPackagePage($name: String!) {\n    package(ecosystem: ATOM, name: $name) {\n      ... on AtomPackage {\n        name\n        description\n        owner\n        repository\n        keywords\n        readmeHtml\n        downloadCount\n        starCount\n        latestVersion { version }\n        versions(first: 100) { totalCount nodes { version engine createdAt } }\n        stargazers(first: 100) { totalCount nodes { login } }\n        downloads { total daily { date count } }\n      }\n    }\n  }\n": types.AtomPackagePageDocument,
    "\n  query Home {\n    stats {\n      packageCount\n      jsrPackageCount\n      atomPackageCount\n      userCount\n      scopeCount\n      newest { ...PackageSummary }\n      updated { ...PackageSummary }\n      featured { ...PackageSummary }\n    }\n  }\n  fragment PackageSummary on Package {\n    __typename\n    name\n    description\n    updatedAt\n    ... on JsrPackage { fullName latestVersion { version } }\n    ... on AtomPackage { downloadCount starCount latestVersion { version } }\n  }\n": types.HomeDocument,
    "\n  query PackagePage($scope: String!, $name: String!, $version: String!, $pinned: Boolean!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        fullName\n        description\n        isArchived\n        githubRepository\n        latestVersion { version }\n        pinned: version(version: $version) @include(if: $pinned) { ...VersionDetail }\n        latest: latestVersion @skip(if: $pinned) { ...VersionDetail }\n        versions(first: 100) { totalCount nodes { version yanked createdAt } }\n        dependents(first: 100) { totalCount nodes { ...PackageSummary } }\n      }\n    }\n  }\n  fragment VersionDetail on JsrVersion {\n    version\n    yanked\n    createdAt\n    readmeHtml\n    exports { name path }\n    files { path size }\n    dependencies { kind name constraint path }\n  }\n": types.PackagePageDocument,
    "\n  query ScopePage($scope: String!) {\n    scope(name: $scope) {\n      scope\n      description\n      members(first: 50) { totalCount nodes { isAdmin user { login } } }\n      packages(first: 100) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n": types.ScopePageDocument,
    "\n  query Search($query: String!, $ecosystem: Ecosystem, $after: String) {\n    search(query: $query, ecosystem: $ecosystem, first: 20, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...PackageSummary }\n    }\n  }\n": types.SearchDocument,
    "\n  query SourcePage($scope: String!, $name: String!, $version: String!, $path: String!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        version(version: $version) { version source(path: $path) { path size text } }\n      }\n    }\n  }\n": types.SourcePageDocument,
    "\n  query UserPage($login: String!) {\n    user(login: $login) {\n      login\n      name\n      scopes(first: 20) { nodes { scope packages(first: 20) { nodes { ...PackageSummary } } } }\n      atomPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n      starredPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n": types.UserPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AtomPackagePage($name: String!) {\n    package(ecosystem: ATOM, name: $name) {\n      ... on AtomPackage {\n        name\n        description\n        owner\n        repository\n        keywords\n        readmeHtml\n        downloadCount\n        starCount\n        latestVersion { version }\n        versions(first: 100) { totalCount nodes { version engine createdAt } }\n        stargazers(first: 100) { totalCount nodes { login } }\n        downloads { total daily { date count } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AtomPackagePage($name: String!) {\n    package(ecosystem: ATOM, name: $name) {\n      ... on AtomPackage {\n        name\n        description\n        owner\n        repository\n        keywords\n        readmeHtml\n        downloadCount\n        starCount\n        latestVersion { version }\n        versions(first: 100) { totalCount nodes { version engine createdAt } }\n        stargazers(first: 100) { totalCount nodes { login } }\n        downloads { total daily { date count } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    stats {\n      packageCount\n      jsrPackageCount\n      atomPackageCount\n      userCount\n      scopeCount\n      newest { ...PackageSummary }\n      updated { ...PackageSummary }\n      featured { ...PackageSummary }\n    }\n  }\n  fragment PackageSummary on Package {\n    __typename\n    name\n    description\n    updatedAt\n    ... on JsrPackage { fullName latestVersion { version } }\n    ... on AtomPackage { downloadCount starCount latestVersion { version } }\n  }\n"): (typeof documents)["\n  query Home {\n    stats {\n      packageCount\n      jsrPackageCount\n      atomPackageCount\n      userCount\n      scopeCount\n      newest { ...PackageSummary }\n      updated { ...PackageSummary }\n      featured { ...PackageSummary }\n    }\n  }\n  fragment PackageSummary on Package {\n    __typename\n    name\n    description\n    updatedAt\n    ... on JsrPackage { fullName latestVersion { version } }\n    ... on AtomPackage { downloadCount starCount latestVersion { version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PackagePage($scope: String!, $name: String!, $version: String!, $pinned: Boolean!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        fullName\n        description\n        isArchived\n        githubRepository\n        latestVersion { version }\n        pinned: version(version: $version) @include(if: $pinned) { ...VersionDetail }\n        latest: latestVersion @skip(if: $pinned) { ...VersionDetail }\n        versions(first: 100) { totalCount nodes { version yanked createdAt } }\n        dependents(first: 100) { totalCount nodes { ...PackageSummary } }\n      }\n    }\n  }\n  fragment VersionDetail on JsrVersion {\n    version\n    yanked\n    createdAt\n    readmeHtml\n    exports { name path }\n    files { path size }\n    dependencies { kind name constraint path }\n  }\n"): (typeof documents)["\n  query PackagePage($scope: String!, $name: String!, $version: String!, $pinned: Boolean!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        fullName\n        description\n        isArchived\n        githubRepository\n        latestVersion { version }\n        pinned: version(version: $version) @include(if: $pinned) { ...VersionDetail }\n        latest: latestVersion @skip(if: $pinned) { ...VersionDetail }\n        versions(first: 100) { totalCount nodes { version yanked createdAt } }\n        dependents(first: 100) { totalCount nodes { ...PackageSummary } }\n      }\n    }\n  }\n  fragment VersionDetail on JsrVersion {\n    version\n    yanked\n    createdAt\n    readmeHtml\n    exports { name path }\n    files { path size }\n    dependencies { kind name constraint path }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopePage($scope: String!) {\n    scope(name: $scope) {\n      scope\n      description\n      members(first: 50) { totalCount nodes { isAdmin user { login } } }\n      packages(first: 100) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n"): (typeof documents)["\n  query ScopePage($scope: String!) {\n    scope(name: $scope) {\n      scope\n      description\n      members(first: 50) { totalCount nodes { isAdmin user { login } } }\n      packages(first: 100) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $ecosystem: Ecosystem, $after: String) {\n    search(query: $query, ecosystem: $ecosystem, first: 20, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...PackageSummary }\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $ecosystem: Ecosystem, $after: String) {\n    search(query: $query, ecosystem: $ecosystem, first: 20, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...PackageSummary }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SourcePage($scope: String!, $name: String!, $version: String!, $path: String!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        version(version: $version) { version source(path: $path) { path size text } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SourcePage($scope: String!, $name: String!, $version: String!, $path: String!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        version(version: $version) { version source(path: $path) { path size text } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserPage($login: String!) {\n    user(login: $login) {\n      login\n      name\n      scopes(first: 20) { nodes { scope packages(first: 20) { nodes { ...PackageSummary } } } }\n      atomPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n      starredPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n"): (typeof documents)["\n  query UserPage($login: String!) {\n    user(login: $login) {\n      login\n      name\n      scopes(first: 20) { nodes { scope packages(first: 20) { nodes { ...PackageSummary } } } }\n      atomPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n      starredPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;