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
    "\n  query AccountPage {\n    viewer {\n      login\n      name\n      isStaff\n      scopes(first: 100) { nodes { scope viewerIsAdmin } }\n      invites { createdAt scope { scope } requestingUser { login } }\n      tokens(first: 100) { totalCount nodes { id description kind createdAt expiresAt permissions { scope package version } } }\n    }\n  }\n": typeof types.AccountPageDocument,
    "\n  mutation ChangePassword($currentPassword: String, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { user { login } token }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation AcceptInvite($scope: String!) {\n    acceptScopeInvite(scope: $scope) { isAdmin }\n  }\n": typeof types.AcceptInviteDocument,
    "\n  mutation DeclineInvite($scope: String!) {\n    declineScopeInvite(scope: $scope)\n  }\n": typeof types.DeclineInviteDocument,
    "\n  mutation CreateToken($description: String!, $expiresAt: DateTimeISO) {\n    createToken(description: $description, expiresAt: $expiresAt) { secret token { id } }\n  }\n": typeof types.CreateTokenDocument,
    "\n  mutation RevokeToken($id: ID!) {\n    revokeToken(id: $id)\n  }\n": typeof types.RevokeTokenDocument,
    "\n  mutation StarAtomPackage($name: String!) {\n    starAtomPackage(name: $name) { name starCount viewerHasStarred }\n  }\n": typeof types.StarAtomPackageDocument,
    "\n  mutation UnstarAtomPackage($name: String!) {\n    unstarAtomPackage(name: $name)\n  }\n": typeof types.UnstarAtomPackageDocument,
    "\n  mutation DeleteAtomPackage($name: String!) {\n    deleteAtomPackage(name: $name)\n  }\n": typeof types.DeleteAtomPackageDocument,
    "\n  mutation DeleteAtomVersion($name: String!, $version: String!) {\n    deleteAtomVersion(name: $name, version: $version)\n  }\n": typeof types.DeleteAtomVersionDocument,
    "\n  query AtomPackagePage($name: String!) {\n    package(ecosystem: ATOM, name: $name) {\n      ... on AtomPackage {\n        name\n        description\n        owner\n        repository\n        keywords\n        readmeHtml\n        downloadCount\n        starCount\n        viewerHasStarred\n        viewerIsOwner\n        latestVersion { version }\n        versions(first: 100) { totalCount nodes { version engine createdAt } }\n        stargazers(first: 100) { totalCount nodes { login } }\n        downloads { total daily { date count } }\n      }\n    }\n  }\n": typeof types.AtomPackagePageDocument,
    "\n  query AuthorizePage($code: String!) {\n    authorization(code: $code) { code expiresAt permissions { permission scope package version } }\n  }\n": typeof types.AuthorizePageDocument,
    "\n  mutation ApproveAuthorization($code: String!) {\n    approveAuthorization(code: $code)\n  }\n": typeof types.ApproveAuthorizationDocument,
    "\n  mutation DenyAuthorization($code: String!) {\n    denyAuthorization(code: $code)\n  }\n": typeof types.DenyAuthorizationDocument,
    "\n  query Home {\n    stats {\n      packageCount\n      jsrPackageCount\n      atomPackageCount\n      userCount\n      scopeCount\n      newest { ...PackageSummary }\n      updated { ...PackageSummary }\n      featured { ...PackageSummary }\n    }\n  }\n  fragment PackageSummary on Package {\n    __typename\n    name\n    description\n    updatedAt\n    ... on JsrPackage { fullName latestVersion { version } }\n    ... on AtomPackage { downloadCount starCount latestVersion { version } }\n  }\n": typeof types.HomeDocument,
    "\n  mutation NewPackage($scope: String!, $name: String!) {\n    createPackage(scope: $scope, name: $name, createScope: true) { fullName }\n  }\n": typeof types.NewPackageDocument,
    "\n  mutation UpdatePackageSettings($scope: String!, $name: String!, $input: UpdatePackageInput!) {\n    updatePackage(scope: $scope, name: $name, input: $input) { fullName description runtimeCompat isArchived }\n  }\n": typeof types.UpdatePackageSettingsDocument,
    "\n  mutation DeletePackage($scope: String!, $name: String!) {\n    deletePackage(scope: $scope, name: $name)\n  }\n": typeof types.DeletePackageDocument,
    "\n  mutation YankVersion($scope: String!, $name: String!, $version: String!, $yanked: Boolean!) {\n    yankVersion(scope: $scope, name: $name, version: $version, yanked: $yanked) { version yanked }\n  }\n": typeof types.YankVersionDocument,
    "\n  query PackagePage($scope: String!, $name: String!, $version: String!, $pinned: Boolean!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        fullName\n        description\n        isArchived\n        runtimeCompat\n        githubRepository\n        scope { viewerIsAdmin viewerIsMember }\n        latestVersion { version }\n        pinned: version(version: $version) @include(if: $pinned) { ...VersionDetail }\n        latest: latestVersion @skip(if: $pinned) { ...VersionDetail }\n        versions(first: 100) { totalCount nodes { version yanked createdAt } }\n        dependents(first: 100) { totalCount nodes { ...PackageSummary } }\n      }\n    }\n  }\n  fragment VersionDetail on JsrVersion {\n    version\n    yanked\n    createdAt\n    readmeHtml\n    exports { name path }\n    files { path size }\n    dependencies { kind name constraint path }\n  }\n": typeof types.PackagePageDocument,
    "\n  mutation SetScopeLimits($scope: String!, $input: ScopeLimitsInput!) {\n    setScopeLimits(scope: $scope, input: $input) { scope }\n  }\n": typeof types.SetScopeLimitsDocument,
    "\n  query ScopeSettingsPage($scope: String!) {\n    scope(name: $scope) {\n      scope\n      viewerIsAdmin\n      members(first: 100) { nodes { isAdmin user { id login } } }\n      invites { createdAt targetUser { id login } requestingUser { login } }\n      quotas {\n        packageUsage packageLimit\n        newPackagePerWeekUsage newPackagePerWeekLimit\n        publishAttemptsPerWeekUsage publishAttemptsPerWeekLimit\n      }\n    }\n  }\n": typeof types.ScopeSettingsPageDocument,
    "\n  mutation InviteScopeMember($scope: String!, $login: String!) {\n    inviteScopeMember(scope: $scope, login: $login) { createdAt }\n  }\n": typeof types.InviteScopeMemberDocument,
    "\n  mutation WithdrawScopeInvite($scope: String!, $userId: ID!) {\n    withdrawScopeInvite(scope: $scope, userId: $userId)\n  }\n": typeof types.WithdrawScopeInviteDocument,
    "\n  mutation UpdateScopeMember($scope: String!, $userId: ID!, $isAdmin: Boolean!) {\n    updateScopeMember(scope: $scope, userId: $userId, isAdmin: $isAdmin) { isAdmin }\n  }\n": typeof types.UpdateScopeMemberDocument,
    "\n  mutation RemoveScopeMember($scope: String!, $userId: ID!) {\n    removeScopeMember(scope: $scope, userId: $userId)\n  }\n": typeof types.RemoveScopeMemberDocument,
    "\n  query ScopePage($scope: String!) {\n    scope(name: $scope) {\n      scope\n      description\n      viewerIsAdmin\n      members(first: 50) { totalCount nodes { isAdmin user { login } } }\n      packages(first: 100) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n": typeof types.ScopePageDocument,
    "\n  query Search($query: String!, $ecosystem: Ecosystem, $after: String) {\n    search(query: $query, ecosystem: $ecosystem, first: 20, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...PackageSummary }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query SignInPage {\n    signInOptions { password singleSignOn { name startUrl } }\n  }\n": typeof types.SignInPageDocument,
    "\n  mutation SignIn($login: String!, $password: String!) {\n    signIn(login: $login, password: $password) { user { login isStaff } }\n  }\n": typeof types.SignInDocument,
    "\n  query SourcePage($scope: String!, $name: String!, $version: String!, $path: String!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        version(version: $version) { version source(path: $path) { path size text } }\n      }\n    }\n  }\n": typeof types.SourcePageDocument,
    "\n  query UserPage($login: String!) {\n    user(login: $login) {\n      login\n      name\n      scopes(first: 20) { nodes { scope packages(first: 20) { nodes { ...PackageSummary } } } }\n      atomPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n      starredPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n": typeof types.UserPageDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
};
const documents: Documents = {
    "\n  query AccountPage {\n    viewer {\n      login\n      name\n      isStaff\n      scopes(first: 100) { nodes { scope viewerIsAdmin } }\n      invites { createdAt scope { scope } requestingUser { login } }\n      tokens(first: 100) { totalCount nodes { id description kind createdAt expiresAt permissions { scope package version } } }\n    }\n  }\n": types.AccountPageDocument,
    "\n  mutation ChangePassword($currentPassword: String, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { user { login } token }\n  }\n": types.CreateUserDocument,
    "\n  mutation AcceptInvite($scope: String!) {\n    acceptScopeInvite(scope: $scope) { isAdmin }\n  }\n": types.AcceptInviteDocument,
    "\n  mutation DeclineInvite($scope: String!) {\n    declineScopeInvite(scope: $scope)\n  }\n": types.DeclineInviteDocument,
    "\n  mutation CreateToken($description: String!, $expiresAt: DateTimeISO) {\n    createToken(description: $description, expiresAt: $expiresAt) { secret token { id } }\n  }\n": types.CreateTokenDocument,
    "\n  mutation RevokeToken($id: ID!) {\n    revokeToken(id: $id)\n  }\n": types.RevokeTokenDocument,
    "\n  mutation StarAtomPackage($name: String!) {\n    starAtomPackage(name: $name) { name starCount viewerHasStarred }\n  }\n": types.StarAtomPackageDocument,
    "\n  mutation UnstarAtomPackage($name: String!) {\n    unstarAtomPackage(name: $name)\n  }\n": types.UnstarAtomPackageDocument,
    "\n  mutation DeleteAtomPackage($name: String!) {\n    deleteAtomPackage(name: $name)\n  }\n": types.DeleteAtomPackageDocument,
    "\n  mutation DeleteAtomVersion($name: String!, $version: String!) {\n    deleteAtomVersion(name: $name, version: $version)\n  }\n": types.DeleteAtomVersionDocument,
    "\n  query AtomPackagePage($name: String!) {\n    package(ecosystem: ATOM, name: $name) {\n      ... on AtomPackage {\n        name\n        description\n        owner\n        repository\n        keywords\n        readmeHtml\n        downloadCount\n        starCount\n        viewerHasStarred\n        viewerIsOwner\n        latestVersion { version }\n        versions(first: 100) { totalCount nodes { version engine createdAt } }\n        stargazers(first: 100) { totalCount nodes { login } }\n        downloads { total daily { date count } }\n      }\n    }\n  }\n": types.AtomPackagePageDocument,
    "\n  query AuthorizePage($code: String!) {\n    authorization(code: $code) { code expiresAt permissions { permission scope package version } }\n  }\n": types.AuthorizePageDocument,
    "\n  mutation ApproveAuthorization($code: String!) {\n    approveAuthorization(code: $code)\n  }\n": types.ApproveAuthorizationDocument,
    "\n  mutation DenyAuthorization($code: String!) {\n    denyAuthorization(code: $code)\n  }\n": types.DenyAuthorizationDocument,
    "\n  query Home {\n    stats {\n      packageCount\n      jsrPackageCount\n      atomPackageCount\n      userCount\n      scopeCount\n      newest { ...PackageSummary }\n      updated { ...PackageSummary }\n      featured { ...PackageSummary }\n    }\n  }\n  fragment PackageSummary on Package {\n    __typename\n    name\n    description\n    updatedAt\n    ... on JsrPackage { fullName latestVersion { version } }\n    ... on AtomPackage { downloadCount starCount latestVersion { version } }\n  }\n": types.HomeDocument,
    "\n  mutation NewPackage($scope: String!, $name: String!) {\n    createPackage(scope: $scope, name: $name, createScope: true) { fullName }\n  }\n": types.NewPackageDocument,
    "\n  mutation UpdatePackageSettings($scope: String!, $name: String!, $input: UpdatePackageInput!) {\n    updatePackage(scope: $scope, name: $name, input: $input) { fullName description runtimeCompat isArchived }\n  }\n": types.UpdatePackageSettingsDocument,
    "\n  mutation DeletePackage($scope: String!, $name: String!) {\n    deletePackage(scope: $scope, name: $name)\n  }\n": types.DeletePackageDocument,
    "\n  mutation YankVersion($scope: String!, $name: String!, $version: String!, $yanked: Boolean!) {\n    yankVersion(scope: $scope, name: $name, version: $version, yanked: $yanked) { version yanked }\n  }\n": types.YankVersionDocument,
    "\n  query PackagePage($scope: String!, $name: String!, $version: String!, $pinned: Boolean!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        fullName\n        description\n        isArchived\n        runtimeCompat\n        githubRepository\n        scope { viewerIsAdmin viewerIsMember }\n        latestVersion { version }\n        pinned: version(version: $version) @include(if: $pinned) { ...VersionDetail }\n        latest: latestVersion @skip(if: $pinned) { ...VersionDetail }\n        versions(first: 100) { totalCount nodes { version yanked createdAt } }\n        dependents(first: 100) { totalCount nodes { ...PackageSummary } }\n      }\n    }\n  }\n  fragment VersionDetail on JsrVersion {\n    version\n    yanked\n    createdAt\n    readmeHtml\n    exports { name path }\n    files { path size }\n    dependencies { kind name constraint path }\n  }\n": types.PackagePageDocument,
    "\n  mutation SetScopeLimits($scope: String!, $input: ScopeLimitsInput!) {\n    setScopeLimits(scope: $scope, input: $input) { scope }\n  }\n": types.SetScopeLimitsDocument,
    "\n  query ScopeSettingsPage($scope: String!) {\n    scope(name: $scope) {\n      scope\n      viewerIsAdmin\n      members(first: 100) { nodes { isAdmin user { id login } } }\n      invites { createdAt targetUser { id login } requestingUser { login } }\n      quotas {\n        packageUsage packageLimit\n        newPackagePerWeekUsage newPackagePerWeekLimit\n        publishAttemptsPerWeekUsage publishAttemptsPerWeekLimit\n      }\n    }\n  }\n": types.ScopeSettingsPageDocument,
    "\n  mutation InviteScopeMember($scope: String!, $login: String!) {\n    inviteScopeMember(scope: $scope, login: $login) { createdAt }\n  }\n": types.InviteScopeMemberDocument,
    "\n  mutation WithdrawScopeInvite($scope: String!, $userId: ID!) {\n    withdrawScopeInvite(scope: $scope, userId: $userId)\n  }\n": types.WithdrawScopeInviteDocument,
    "\n  mutation UpdateScopeMember($scope: String!, $userId: ID!, $isAdmin: Boolean!) {\n    updateScopeMember(scope: $scope, userId: $userId, isAdmin: $isAdmin) { isAdmin }\n  }\n": types.UpdateScopeMemberDocument,
    "\n  mutation RemoveScopeMember($scope: String!, $userId: ID!) {\n    removeScopeMember(scope: $scope, userId: $userId)\n  }\n": types.RemoveScopeMemberDocument,
    "\n  query ScopePage($scope: String!) {\n    scope(name: $scope) {\n      scope\n      description\n      viewerIsAdmin\n      members(first: 50) { totalCount nodes { isAdmin user { login } } }\n      packages(first: 100) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n": types.ScopePageDocument,
    "\n  query Search($query: String!, $ecosystem: Ecosystem, $after: String) {\n    search(query: $query, ecosystem: $ecosystem, first: 20, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...PackageSummary }\n    }\n  }\n": types.SearchDocument,
    "\n  query SignInPage {\n    signInOptions { password singleSignOn { name startUrl } }\n  }\n": types.SignInPageDocument,
    "\n  mutation SignIn($login: String!, $password: String!) {\n    signIn(login: $login, password: $password) { user { login isStaff } }\n  }\n": types.SignInDocument,
    "\n  query SourcePage($scope: String!, $name: String!, $version: String!, $path: String!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        version(version: $version) { version source(path: $path) { path size text } }\n      }\n    }\n  }\n": types.SourcePageDocument,
    "\n  query UserPage($login: String!) {\n    user(login: $login) {\n      login\n      name\n      scopes(first: 20) { nodes { scope packages(first: 20) { nodes { ...PackageSummary } } } }\n      atomPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n      starredPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n": types.UserPageDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
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
export function graphql(source: "\n  query AccountPage {\n    viewer {\n      login\n      name\n      isStaff\n      scopes(first: 100) { nodes { scope viewerIsAdmin } }\n      invites { createdAt scope { scope } requestingUser { login } }\n      tokens(first: 100) { totalCount nodes { id description kind createdAt expiresAt permissions { scope package version } } }\n    }\n  }\n"): (typeof documents)["\n  query AccountPage {\n    viewer {\n      login\n      name\n      isStaff\n      scopes(first: 100) { nodes { scope viewerIsAdmin } }\n      invites { createdAt scope { scope } requestingUser { login } }\n      tokens(first: 100) { totalCount nodes { id description kind createdAt expiresAt permissions { scope package version } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { user { login } token }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { user { login } token }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvite($scope: String!) {\n    acceptScopeInvite(scope: $scope) { isAdmin }\n  }\n"): (typeof documents)["\n  mutation AcceptInvite($scope: String!) {\n    acceptScopeInvite(scope: $scope) { isAdmin }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvite($scope: String!) {\n    declineScopeInvite(scope: $scope)\n  }\n"): (typeof documents)["\n  mutation DeclineInvite($scope: String!) {\n    declineScopeInvite(scope: $scope)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateToken($description: String!, $expiresAt: DateTimeISO) {\n    createToken(description: $description, expiresAt: $expiresAt) { secret token { id } }\n  }\n"): (typeof documents)["\n  mutation CreateToken($description: String!, $expiresAt: DateTimeISO) {\n    createToken(description: $description, expiresAt: $expiresAt) { secret token { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeToken($id: ID!) {\n    revokeToken(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeToken($id: ID!) {\n    revokeToken(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StarAtomPackage($name: String!) {\n    starAtomPackage(name: $name) { name starCount viewerHasStarred }\n  }\n"): (typeof documents)["\n  mutation StarAtomPackage($name: String!) {\n    starAtomPackage(name: $name) { name starCount viewerHasStarred }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnstarAtomPackage($name: String!) {\n    unstarAtomPackage(name: $name)\n  }\n"): (typeof documents)["\n  mutation UnstarAtomPackage($name: String!) {\n    unstarAtomPackage(name: $name)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAtomPackage($name: String!) {\n    deleteAtomPackage(name: $name)\n  }\n"): (typeof documents)["\n  mutation DeleteAtomPackage($name: String!) {\n    deleteAtomPackage(name: $name)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAtomVersion($name: String!, $version: String!) {\n    deleteAtomVersion(name: $name, version: $version)\n  }\n"): (typeof documents)["\n  mutation DeleteAtomVersion($name: String!, $version: String!) {\n    deleteAtomVersion(name: $name, version: $version)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AtomPackagePage($name: String!) {\n    package(ecosystem: ATOM, name: $name) {\n      ... on AtomPackage {\n        name\n        description\n        owner\n        repository\n        keywords\n        readmeHtml\n        downloadCount\n        starCount\n        viewerHasStarred\n        viewerIsOwner\n        latestVersion { version }\n        versions(first: 100) { totalCount nodes { version engine createdAt } }\n        stargazers(first: 100) { totalCount nodes { login } }\n        downloads { total daily { date count } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AtomPackagePage($name: String!) {\n    package(ecosystem: ATOM, name: $name) {\n      ... on AtomPackage {\n        name\n        description\n        owner\n        repository\n        keywords\n        readmeHtml\n        downloadCount\n        starCount\n        viewerHasStarred\n        viewerIsOwner\n        latestVersion { version }\n        versions(first: 100) { totalCount nodes { version engine createdAt } }\n        stargazers(first: 100) { totalCount nodes { login } }\n        downloads { total daily { date count } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthorizePage($code: String!) {\n    authorization(code: $code) { code expiresAt permissions { permission scope package version } }\n  }\n"): (typeof documents)["\n  query AuthorizePage($code: String!) {\n    authorization(code: $code) { code expiresAt permissions { permission scope package version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveAuthorization($code: String!) {\n    approveAuthorization(code: $code)\n  }\n"): (typeof documents)["\n  mutation ApproveAuthorization($code: String!) {\n    approveAuthorization(code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DenyAuthorization($code: String!) {\n    denyAuthorization(code: $code)\n  }\n"): (typeof documents)["\n  mutation DenyAuthorization($code: String!) {\n    denyAuthorization(code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    stats {\n      packageCount\n      jsrPackageCount\n      atomPackageCount\n      userCount\n      scopeCount\n      newest { ...PackageSummary }\n      updated { ...PackageSummary }\n      featured { ...PackageSummary }\n    }\n  }\n  fragment PackageSummary on Package {\n    __typename\n    name\n    description\n    updatedAt\n    ... on JsrPackage { fullName latestVersion { version } }\n    ... on AtomPackage { downloadCount starCount latestVersion { version } }\n  }\n"): (typeof documents)["\n  query Home {\n    stats {\n      packageCount\n      jsrPackageCount\n      atomPackageCount\n      userCount\n      scopeCount\n      newest { ...PackageSummary }\n      updated { ...PackageSummary }\n      featured { ...PackageSummary }\n    }\n  }\n  fragment PackageSummary on Package {\n    __typename\n    name\n    description\n    updatedAt\n    ... on JsrPackage { fullName latestVersion { version } }\n    ... on AtomPackage { downloadCount starCount latestVersion { version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NewPackage($scope: String!, $name: String!) {\n    createPackage(scope: $scope, name: $name, createScope: true) { fullName }\n  }\n"): (typeof documents)["\n  mutation NewPackage($scope: String!, $name: String!) {\n    createPackage(scope: $scope, name: $name, createScope: true) { fullName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePackageSettings($scope: String!, $name: String!, $input: UpdatePackageInput!) {\n    updatePackage(scope: $scope, name: $name, input: $input) { fullName description runtimeCompat isArchived }\n  }\n"): (typeof documents)["\n  mutation UpdatePackageSettings($scope: String!, $name: String!, $input: UpdatePackageInput!) {\n    updatePackage(scope: $scope, name: $name, input: $input) { fullName description runtimeCompat isArchived }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePackage($scope: String!, $name: String!) {\n    deletePackage(scope: $scope, name: $name)\n  }\n"): (typeof documents)["\n  mutation DeletePackage($scope: String!, $name: String!) {\n    deletePackage(scope: $scope, name: $name)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation YankVersion($scope: String!, $name: String!, $version: String!, $yanked: Boolean!) {\n    yankVersion(scope: $scope, name: $name, version: $version, yanked: $yanked) { version yanked }\n  }\n"): (typeof documents)["\n  mutation YankVersion($scope: String!, $name: String!, $version: String!, $yanked: Boolean!) {\n    yankVersion(scope: $scope, name: $name, version: $version, yanked: $yanked) { version yanked }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PackagePage($scope: String!, $name: String!, $version: String!, $pinned: Boolean!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        fullName\n        description\n        isArchived\n        runtimeCompat\n        githubRepository\n        scope { viewerIsAdmin viewerIsMember }\n        latestVersion { version }\n        pinned: version(version: $version) @include(if: $pinned) { ...VersionDetail }\n        latest: latestVersion @skip(if: $pinned) { ...VersionDetail }\n        versions(first: 100) { totalCount nodes { version yanked createdAt } }\n        dependents(first: 100) { totalCount nodes { ...PackageSummary } }\n      }\n    }\n  }\n  fragment VersionDetail on JsrVersion {\n    version\n    yanked\n    createdAt\n    readmeHtml\n    exports { name path }\n    files { path size }\n    dependencies { kind name constraint path }\n  }\n"): (typeof documents)["\n  query PackagePage($scope: String!, $name: String!, $version: String!, $pinned: Boolean!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        fullName\n        description\n        isArchived\n        runtimeCompat\n        githubRepository\n        scope { viewerIsAdmin viewerIsMember }\n        latestVersion { version }\n        pinned: version(version: $version) @include(if: $pinned) { ...VersionDetail }\n        latest: latestVersion @skip(if: $pinned) { ...VersionDetail }\n        versions(first: 100) { totalCount nodes { version yanked createdAt } }\n        dependents(first: 100) { totalCount nodes { ...PackageSummary } }\n      }\n    }\n  }\n  fragment VersionDetail on JsrVersion {\n    version\n    yanked\n    createdAt\n    readmeHtml\n    exports { name path }\n    files { path size }\n    dependencies { kind name constraint path }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetScopeLimits($scope: String!, $input: ScopeLimitsInput!) {\n    setScopeLimits(scope: $scope, input: $input) { scope }\n  }\n"): (typeof documents)["\n  mutation SetScopeLimits($scope: String!, $input: ScopeLimitsInput!) {\n    setScopeLimits(scope: $scope, input: $input) { scope }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopeSettingsPage($scope: String!) {\n    scope(name: $scope) {\n      scope\n      viewerIsAdmin\n      members(first: 100) { nodes { isAdmin user { id login } } }\n      invites { createdAt targetUser { id login } requestingUser { login } }\n      quotas {\n        packageUsage packageLimit\n        newPackagePerWeekUsage newPackagePerWeekLimit\n        publishAttemptsPerWeekUsage publishAttemptsPerWeekLimit\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScopeSettingsPage($scope: String!) {\n    scope(name: $scope) {\n      scope\n      viewerIsAdmin\n      members(first: 100) { nodes { isAdmin user { id login } } }\n      invites { createdAt targetUser { id login } requestingUser { login } }\n      quotas {\n        packageUsage packageLimit\n        newPackagePerWeekUsage newPackagePerWeekLimit\n        publishAttemptsPerWeekUsage publishAttemptsPerWeekLimit\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteScopeMember($scope: String!, $login: String!) {\n    inviteScopeMember(scope: $scope, login: $login) { createdAt }\n  }\n"): (typeof documents)["\n  mutation InviteScopeMember($scope: String!, $login: String!) {\n    inviteScopeMember(scope: $scope, login: $login) { createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawScopeInvite($scope: String!, $userId: ID!) {\n    withdrawScopeInvite(scope: $scope, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation WithdrawScopeInvite($scope: String!, $userId: ID!) {\n    withdrawScopeInvite(scope: $scope, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateScopeMember($scope: String!, $userId: ID!, $isAdmin: Boolean!) {\n    updateScopeMember(scope: $scope, userId: $userId, isAdmin: $isAdmin) { isAdmin }\n  }\n"): (typeof documents)["\n  mutation UpdateScopeMember($scope: String!, $userId: ID!, $isAdmin: Boolean!) {\n    updateScopeMember(scope: $scope, userId: $userId, isAdmin: $isAdmin) { isAdmin }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveScopeMember($scope: String!, $userId: ID!) {\n    removeScopeMember(scope: $scope, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RemoveScopeMember($scope: String!, $userId: ID!) {\n    removeScopeMember(scope: $scope, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopePage($scope: String!) {\n    scope(name: $scope) {\n      scope\n      description\n      viewerIsAdmin\n      members(first: 50) { totalCount nodes { isAdmin user { login } } }\n      packages(first: 100) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n"): (typeof documents)["\n  query ScopePage($scope: String!) {\n    scope(name: $scope) {\n      scope\n      description\n      viewerIsAdmin\n      members(first: 50) { totalCount nodes { isAdmin user { login } } }\n      packages(first: 100) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $ecosystem: Ecosystem, $after: String) {\n    search(query: $query, ecosystem: $ecosystem, first: 20, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...PackageSummary }\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $ecosystem: Ecosystem, $after: String) {\n    search(query: $query, ecosystem: $ecosystem, first: 20, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...PackageSummary }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInPage {\n    signInOptions { password singleSignOn { name startUrl } }\n  }\n"): (typeof documents)["\n  query SignInPage {\n    signInOptions { password singleSignOn { name startUrl } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($login: String!, $password: String!) {\n    signIn(login: $login, password: $password) { user { login isStaff } }\n  }\n"): (typeof documents)["\n  mutation SignIn($login: String!, $password: String!) {\n    signIn(login: $login, password: $password) { user { login isStaff } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SourcePage($scope: String!, $name: String!, $version: String!, $path: String!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        version(version: $version) { version source(path: $path) { path size text } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SourcePage($scope: String!, $name: String!, $version: String!, $path: String!) {\n    package(ecosystem: JSR, scope: $scope, name: $name) {\n      ... on JsrPackage {\n        version(version: $version) { version source(path: $path) { path size text } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserPage($login: String!) {\n    user(login: $login) {\n      login\n      name\n      scopes(first: 20) { nodes { scope packages(first: 20) { nodes { ...PackageSummary } } } }\n      atomPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n      starredPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n"): (typeof documents)["\n  query UserPage($login: String!) {\n    user(login: $login) {\n      login\n      name\n      scopes(first: 20) { nodes { scope packages(first: 20) { nodes { ...PackageSummary } } } }\n      atomPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n      starredPackages(first: 50) { totalCount nodes { ...PackageSummary } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;