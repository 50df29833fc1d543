import { useMutation } from "urql";
import { Link } from "wouter";
import { graphql } from "../../gql";
import { ActionResult } from "../../components/action-result";

const Accept = graphql(`
  mutation AcceptInvite($scope: String!) {
    acceptScopeInvite(scope: $scope) { isAdmin }
  }
`);
const Decline = graphql(`
  mutation DeclineInvite($scope: String!) {
    declineScopeInvite(scope: $scope)
  }
`);

interface Invite {
  createdAt: string;
  scope: { scope: string };
  requestingUser: { login: string };
}

/** The scopes the user is invited to, each to accept or decline; nothing when there are none. */
export function Invites({ invites, onChange }: { invites: Invite[]; onChange: () => void }) {
  const [accepted, accept] = useMutation(Accept);
  const [declined, decline] = useMutation(Decline);
  if (invites.length === 0 && !accepted.error && !declined.error) return null;
  return (
    <section aria-labelledby="invites-heading">
      <h2 id="invites-heading">Invitations</h2>
      <ul className="plain">
        {invites.map((invite) => {
          const scope = invite.scope.scope;
          return (
            <li key={scope} className="row">
              <span>
                <Link href={`/user/${invite.requestingUser.login}`}>{invite.requestingUser.login}</Link> invites you to join <Link href={`/@${scope}`}>@{scope}</Link>.
              </span>
              <button type="button" onClick={async () => !(await accept({ scope })).error && onChange()} aria-label={`Accept the invitation to @${scope}`}>
                Accept
              </button>
              <button type="button" className="quiet" onClick={async () => !(await decline({ scope })).error && onChange()} aria-label={`Decline the invitation to @${scope}`}>
                Decline
              </button>
            </li>
          );
        })}
      </ul>
      <ActionResult error={accepted.error ?? declined.error} />
    </section>
  );
}
