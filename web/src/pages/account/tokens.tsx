import { useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { ActionResult } from "../../components/action-result";
import { CopyLine } from "../../components/copy-line";

const CreateToken = graphql(`
  mutation CreateToken($description: String!, $expiresAt: DateTimeISO) {
    createToken(description: $description, expiresAt: $expiresAt) { secret token { id } }
  }
`);
const RevokeToken = graphql(`
  mutation RevokeToken($id: ID!) {
    revokeToken(id: $id)
  }
`);

interface Token {
  id: string;
  description: string;
  kind: string;
  createdAt: string;
  expiresAt?: string | null;
  permissions?: Array<{ scope: string; package?: string | null; version?: string | null }> | null;
}

const EXPIRIES: Array<{ days: number; label: string }> = [
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
  { days: 0, label: "Never" },
];

const day = (iso: string) => iso.slice(0, 10);

function scopeOf(token: Token): string {
  if (!token.permissions) return "everything you may do";
  return token.permissions.map((p) => `publish @${p.scope}${p.package ? `/${p.package}` : "/*"}${p.version ? `@${p.version}` : ""}`).join(", ");
}

/** The user's tokens: made here (the secret is shown this once), revoked here. */
export function Tokens({ tokens, onChange }: { tokens: Token[]; onChange: () => void }) {
  const [description, setDescription] = useState("");
  const [days, setDays] = useState(90);
  const [secret, setSecret] = useState<string | null>(null);
  const [created, create] = useMutation(CreateToken);
  const [revoked, revoke] = useMutation(RevokeToken);
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">Tokens</h2>
      <p className="muted">For deno publish --token, apm and scripts. Wharf keeps only a hash: a secret is shown once.</p>
      <form
        className="inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          const expiresAt = days ? new Date(Date.now() + days * 86_400_000).toISOString() : null;
          const result = await create({ description, expiresAt });
          if (result.data) {
            setSecret(result.data.createToken.secret);
            setDescription("");
            onChange();
          }
        }}
      >
        <label>
          Description
          <input name="description" value={description} onChange={(e) => setDescription(e.target.value)} placeholder="e.g. laptop" />
        </label>
        <label>
          Expires in
          <select name="expiry" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {EXPIRIES.map((e) => (
              <option key={e.days} value={e.days}>
                {e.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={created.fetching}>
          Create token
        </button>
      </form>
      <ActionResult error={created.error} />
      {secret && (
        <div className="notice ok secret">
          <p>Your new token. Copy it now: it will not be shown again.</p>
          <CopyLine command={secret} label="the new token" />
        </div>
      )}
      {tokens.length === 0 ? (
        <p className="muted">No tokens.</p>
      ) : (
        <table className="table tokens">
          <thead>
            <tr>
              <th scope="col">Description</th>
              <th scope="col">May</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>
                  {t.description || <span className="muted">(none)</span>}
                  {t.kind === "device" && <span className="badge">device</span>}
                </td>
                <td>{scopeOf(t)}</td>
                <td>{day(t.createdAt)}</td>
                <td>{t.expiresAt ? day(t.expiresAt) : "never"}</td>
                <td>
                  <button type="button" className="quiet" aria-label={`Revoke ${t.description || "the token"} made ${day(t.createdAt)}`} onClick={async () => !(await revoke({ id: t.id })).error && onChange()}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ActionResult error={revoked.error} />
    </section>
  );
}
