// /auth?code=: where `deno publish` sends its user to approve a device authorization. Signed in, the person
// answers through their session; without an account in this browser, pasting a token still works (REST).
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { useSearch } from "wouter";
import { graphql } from "../gql";
import { ActionResult } from "../components/action-result";
import { QueryState } from "../components/query-state";
import { useTitle } from "../layout/layout";
import { SignInFirst } from "../session/sign-in-first";
import { useViewer } from "../session/viewer";

const AuthorizationQuery = graphql(`
  query AuthorizePage($code: String!) {
    authorization(code: $code) { code expiresAt permissions { permission scope package version } }
  }
`);
const Approve = graphql(`
  mutation ApproveAuthorization($code: String!) {
    approveAuthorization(code: $code)
  }
`);
const Deny = graphql(`
  mutation DenyAuthorization($code: String!) {
    denyAuthorization(code: $code)
  }
`);

type Permission = { permission: string; scope: string; package?: string | null; version?: string | null };

const describe = (p: Permission) => `${p.permission === "package/publish" ? "publish" : p.permission} @${p.scope}/${p.package ?? "*"}${p.version ? `@${p.version}` : ""}`;

export function AuthorizePage() {
  useTitle("Authorize a device");
  const code = new URLSearchParams(useSearch()).get("code") ?? "";
  const { viewer } = useViewer();
  const [{ data, fetching, error }] = useQuery({ query: AuthorizationQuery, variables: { code } });
  const [answered, setAnswered] = useState<string | null>(null);
  return (
    <section className="narrow">
      <h1>Authorize a device</h1>
      <QueryState fetching={fetching} error={error} hasData={!!data}>
        {() => {
          const request = data!.authorization;
          if (!request && !answered) return <p className="notice warn">There is no pending request with the code {code || "(none)"}: it was answered already, or it expired.</p>;
          return (
            <>
              <p>
                A client (such as <code>deno publish</code>) asks to act for you. Check that it shows the code <code className="device-code">{code}</code>.
              </p>
              {request && (
                <p>
                  It asks for:{" "}
                  {request.permissions ? request.permissions.map(describe).join(", ") : <strong>everything you may do</strong>}. The request lapses at{" "}
                  {new Date(request.expiresAt).toLocaleTimeString()}.
                </p>
              )}
              {answered ? (
                <p role="status" className="notice ok">{answered}</p>
              ) : viewer ? (
                <SessionAnswer code={code} login={viewer.login} onAnswered={setAnswered} />
              ) : (
                <>
                  <SignInFirst to="answer with your account" />
                  <TokenAnswer code={code} onAnswered={setAnswered} />
                </>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

const APPROVED = "Approved. The client carries on; you can close this page.";
const DENIED = "Denied. The client gets no token.";

function SessionAnswer({ code, login, onAnswered }: { code: string; login: string; onAnswered: (text: string) => void }) {
  const [approved, approve] = useMutation(Approve);
  const [denied, deny] = useMutation(Deny);
  return (
    <>
      <p className="actions">
        <button type="button" disabled={approved.fetching} onClick={async () => !(await approve({ code })).error && onAnswered(APPROVED)}>
          Approve as {login}
        </button>
        <button type="button" className="quiet" disabled={denied.fetching} onClick={async () => !(await deny({ code })).error && onAnswered(DENIED)}>
          Deny
        </button>
      </p>
      <ActionResult error={approved.error ?? denied.error} />
    </>
  );
}

/** The fallback for a browser without a session: a token pasted here answers through REST, as a script would. */
function TokenAnswer({ code, onAnswered }: { code: string; onAnswered: (text: string) => void }) {
  const [token, setToken] = useState("");
  const [refusal, setRefusal] = useState<string | null>(null);
  const answer = async (verb: "approve" | "deny") => {
    const res = await fetch(`/api/authorizations/${verb}/${encodeURIComponent(code)}`, { method: "POST", headers: { authorization: `Bearer ${token.trim()}` } });
    if (res.ok) return onAnswered(verb === "approve" ? APPROVED : DENIED);
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    setRefusal(body.message ?? `The server answered ${res.status}.`);
  };
  return (
    <details className="fallback">
      <summary>No account in this browser? Answer with a token</summary>
      <form className="stack" onSubmit={(e) => e.preventDefault()}>
        <label>
          Your Wharf token
          <input type="password" name="token" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
        </label>
        <p className="actions">
          <button type="button" onClick={() => answer("approve")}>Approve</button>
          <button type="button" className="quiet" onClick={() => answer("deny")}>Deny</button>
        </p>
      </form>
      {refusal && <p className="notice error" role="alert">{refusal}</p>}
    </details>
  );
}
