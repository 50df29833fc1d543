// /@scope/~/settings: a scope's admins manage its members and invites and see its quotas (staff change them).
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link, useParams } from "wouter";
import { graphql } from "../gql";
import type { ScopeSettingsPageQuery } from "../gql/graphql";
import { ActionResult } from "../components/action-result";
import { QueryState } from "../components/query-state";
import { useTitle } from "../layout/layout";
import { SignInFirst } from "../session/sign-in-first";
import { useViewer } from "../session/viewer";
import { NotFoundPage } from "./not-found";
import { ScopeQuotas } from "./scope-quotas";

const ScopeSettingsQuery = graphql(`
  query ScopeSettingsPage($scope: String!) {
    scope(name: $scope) {
      scope
      viewerIsAdmin
      members(first: 100) { nodes { isAdmin user { id login } } }
      invites { createdAt targetUser { id login } requestingUser { login } }
      quotas {
        packageUsage packageLimit
        newPackagePerWeekUsage newPackagePerWeekLimit
        publishAttemptsPerWeekUsage publishAttemptsPerWeekLimit
      }
    }
  }
`);
const Invite = graphql(`
  mutation InviteScopeMember($scope: String!, $login: String!) {
    inviteScopeMember(scope: $scope, login: $login) { createdAt }
  }
`);
const Withdraw = graphql(`
  mutation WithdrawScopeInvite($scope: String!, $userId: ID!) {
    withdrawScopeInvite(scope: $scope, userId: $userId)
  }
`);
const SetAdmin = graphql(`
  mutation UpdateScopeMember($scope: String!, $userId: ID!, $isAdmin: Boolean!) {
    updateScopeMember(scope: $scope, userId: $userId, isAdmin: $isAdmin) { isAdmin }
  }
`);
const Remove = graphql(`
  mutation RemoveScopeMember($scope: String!, $userId: ID!) {
    removeScopeMember(scope: $scope, userId: $userId)
  }
`);

type Settings = NonNullable<ScopeSettingsPageQuery["scope"]>;

export function ScopeSettingsPage() {
  const { scope } = useParams<{ scope: string }>();
  useTitle(`@${scope} settings`);
  const { viewer } = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ScopeSettingsQuery, variables: { scope }, pause: !viewer });
  if (!viewer) return <SignInFirst to={`manage @${scope}`} />;
  return (
    <QueryState fetching={fetching} error={error} hasData={!!data}>
      {() => {
        const s = data!.scope;
        if (!s) return <NotFoundPage what={`There is no scope @${scope}.`} />;
        return (
          <>
            <h1>
              <Link href={`/@${s.scope}`}>@{s.scope}</Link> settings
            </h1>
            {s.viewerIsAdmin ? (
              <Manage settings={s} reload={() => refetch({ requestPolicy: "network-only" })} isStaff={viewer.isStaff} />
            ) : (
              <p className="notice warn">Only the scope's admins may manage it.</p>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

function Manage({ settings: s, reload, isStaff }: { settings: Settings; reload: () => void; isStaff: boolean }) {
  const scope = s.scope;
  const [login, setLogin] = useState("");
  const [invited, invite] = useMutation(Invite);
  const [withdrawn, withdraw] = useMutation(Withdraw);
  const [changed, setAdmin] = useMutation(SetAdmin);
  const [removed, remove] = useMutation(Remove);
  const after = async (result: Promise<{ error?: unknown }>) => !(await result).error && reload();
  const q = s.quotas;
  return (
    <>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <table className="table">
          <thead>
            <tr><th scope="col">Login</th><th scope="col">Role</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {s.members.nodes.map((m) => (
              <tr key={m.user.id}>
                <td><Link href={`/user/${m.user.login}`}>{m.user.login}</Link></td>
                <td>{m.isAdmin ? "admin" : "member"}</td>
                <td className="actions">
                  <button type="button" className="quiet" onClick={() => after(setAdmin({ scope, userId: m.user.id, isAdmin: !m.isAdmin }))}>
                    {m.isAdmin ? `Make ${m.user.login} a member` : `Make ${m.user.login} an admin`}
                  </button>
                  <button type="button" className="quiet" onClick={() => after(remove({ scope, userId: m.user.id }))}>
                    Remove {m.user.login}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ActionResult error={changed.error ?? removed.error} />
      </section>
      <section aria-labelledby="invites-heading">
        <h2 id="invites-heading">Invitations</h2>
        {(s.invites ?? []).length === 0 ? (
          <p className="muted">No pending invitations.</p>
        ) : (
          <ul className="plain">
            {(s.invites ?? []).map((i) => (
              <li key={i.targetUser.id} className="row">
                <span>
                  {i.targetUser.login} <span className="muted">invited by {i.requestingUser.login}, waiting for an answer</span>
                </span>
                <button type="button" className="quiet" onClick={() => after(withdraw({ scope, userId: i.targetUser.id }))}>
                  Withdraw the invitation to {i.targetUser.login}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          className="inline-form"
          onSubmit={async (event) => {
            event.preventDefault();
            if (!(await invite({ scope, login })).error) {
              setLogin("");
              reload();
            }
          }}
        >
          <label>
            Invite by login
            <input name="invite-login" required value={login} onChange={(e) => setLogin(e.target.value.trim())} />
          </label>
          <button type="submit" disabled={invited.fetching}>
            Invite
          </button>
        </form>
        <ActionResult error={invited.error ?? withdrawn.error} />
      </section>
      {q && <ScopeQuotas scope={scope} quotas={q} editable={isStaff} onChange={reload} />}
    </>
  );
}
