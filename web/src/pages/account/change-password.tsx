import { useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { ActionResult } from "../../components/action-result";

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** Changing one's password; the server ends the user's other sessions. */
export function ChangePassword() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const [result, change] = useMutation(ChangePasswordMutation);
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <form
        className="inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          setDone(null);
          const answer = await change({ currentPassword: current || null, newPassword: next });
          if (!answer.error) {
            setCurrent("");
            setNext("");
            setDone("Password changed. Your other sessions are signed out.");
          }
        }}
      >
        <label>
          Current password
          <input type="password" name="current-password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>
          New password
          <input type="password" name="new-password" autoComplete="new-password" required minLength={8} value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <button type="submit" disabled={result.fetching}>
          Change password
        </button>
      </form>
      <ActionResult error={result.error} done={done} />
    </section>
  );
}
