import { useState } from "react";
import { useMutation } from "urql";
import { Link } from "wouter";
import { graphql } from "../../gql";
import { ActionResult } from "../../components/action-result";
import { CopyLine } from "../../components/copy-line";

const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) { user { login } token }
  }
`);

/** Staff: adding a user, with a password to sign in with; their first token is shown once. */
export function CreateUser() {
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [isStaff, setIsStaff] = useState(false);
  const [result, create] = useMutation(CreateUserMutation);
  const made = result.data?.createUser;
  return (
    <section aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">Add a user</h2>
      <form
        className="inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          const answer = await create({ input: { login, password: password || null, isStaff } });
          if (!answer.error) {
            setLogin("");
            setPassword("");
            setIsStaff(false);
          }
        }}
      >
        <label>
          Login
          <input name="new-login" required value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="off" />
        </label>
        <label>
          Password
          <input name="new-user-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" name="staff" checked={isStaff} onChange={(e) => setIsStaff(e.target.checked)} />
          Staff
        </label>
        <button type="submit" disabled={result.fetching}>
          Add user
        </button>
      </form>
      <ActionResult error={result.error} done={made ? `Added ${made.user.login}.` : null} />
      {made && (
        <div className="notice ok secret">
          <p>
            <Link href={`/user/${made.user.login}`}>{made.user.login}</Link>'s first token, shown this once:
          </p>
          <CopyLine command={made.token} label={`${made.user.login}'s first token`} />
        </div>
      )}
    </section>
  );
}
