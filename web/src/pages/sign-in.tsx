import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { useLocation, useSearch } from "wouter";
import { graphql } from "../gql";
import { ErrorNotice } from "../components/query-state";
import { useTitle } from "../layout/layout";
import { useViewer } from "../session/viewer";

const SignInOptions = graphql(`
  query SignInPage {
    signInOptions { password singleSignOn { name startUrl } }
  }
`);

const SignIn = graphql(`
  mutation SignIn($login: String!, $password: String!) {
    signIn(login: $login, password: $password) { user { login isStaff } }
  }
`);

/** Where to go after signing in: a path of this site only, never another origin. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/account";
}

export function SignInPage() {
  useTitle("Sign in");
  const next = safeNext(new URLSearchParams(useSearch()).get("next"));
  const [, navigate] = useLocation();
  const { setViewer } = useViewer();
  const [{ data }] = useQuery({ query: SignInOptions });
  const [{ fetching, error }, signIn] = useMutation(SignIn);
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const sso = data?.signInOptions.singleSignOn;
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <form
        className="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await signIn({ login, password });
          const user = result.data?.signIn.user;
          if (user) {
            setViewer({ login: user.login, isStaff: user.isStaff });
            navigate(next);
          }
        }}
      >
        <label>
          Login
          <input name="login" autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" disabled={fetching}>
          Sign in
        </button>
      </form>
      {error && <ErrorNotice error={error} />}
      {sso && (
        <p>
          <a className="button-link" href={`${sso.startUrl}?next=${encodeURIComponent(next)}`}>
            Sign in with {sso.name}
          </a>
        </p>
      )}
    </section>
  );
}
