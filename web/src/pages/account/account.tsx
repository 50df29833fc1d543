import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../../gql";
import type { AccountPageQuery } from "../../gql/graphql";
import { QueryState } from "../../components/query-state";
import { useTitle } from "../../layout/layout";
import { SignInFirst } from "../../session/sign-in-first";
import { useViewer } from "../../session/viewer";
import { ChangePassword } from "./change-password";
import { CreateUser } from "./create-user";
import { Invites } from "./invites";
import { Tokens } from "./tokens";

const AccountQuery = graphql(`
  query AccountPage {
    viewer {
      login
      name
      isStaff
      scopes(first: 100) { nodes { scope viewerIsAdmin } }
      invites { createdAt scope { scope } requestingUser { login } }
      tokens(first: 100) { totalCount nodes { id description kind createdAt expiresAt permissions { scope package version } } }
    }
  }
`);

export type AccountViewer = NonNullable<AccountPageQuery["viewer"]>;

/** /account: the signed-in user's invites, scopes, tokens and password; for staff, making users. */
export function AccountPage() {
  useTitle("Your account");
  const { viewer: signedIn } = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AccountQuery, pause: !signedIn });
  if (!signedIn) return <SignInFirst to="see your account" />;
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <QueryState fetching={fetching} error={error} hasData={!!data}>
      {() => {
        const viewer = data!.viewer;
        if (!viewer) return <SignInFirst to="see your account" />;
        return (
          <>
            <h1>
              {viewer.login}
              {viewer.isStaff && <span className="badge">staff</span>}
            </h1>
            <p className="muted">
              <Link href={`/user/${viewer.login}`}>Your public profile</Link>
            </p>
            <Invites invites={viewer.invites ?? []} onChange={reload} />
            <section aria-labelledby="scopes-heading">
              <h2 id="scopes-heading">Your scopes</h2>
              {viewer.scopes.nodes.length === 0 ? (
                <p className="muted">You are a member of no scope yet.</p>
              ) : (
                <ul className="plain">
                  {viewer.scopes.nodes.map((s) => (
                    <li key={s.scope}>
                      <Link href={`/@${s.scope}`}>@{s.scope}</Link>
                      {s.viewerIsAdmin && (
                        <>
                          {" · "}
                          <Link href={`/@${s.scope}/~/settings`} aria-label={`Settings of @${s.scope}`}>
                            settings
                          </Link>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <Tokens tokens={viewer.tokens?.nodes ?? []} onChange={reload} />
            <ChangePassword />
            {viewer.isStaff && <CreateUser />}
          </>
        );
      }}
    </QueryState>
  );
}
