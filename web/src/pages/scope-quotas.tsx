// A scope's quotas on its settings page: what it used and may use; staff may change the limits.
import { useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../gql";
import type { ScopeSettingsPageQuery } from "../gql/graphql";
import { ActionResult } from "../components/action-result";

const SetLimits = graphql(`
  mutation SetScopeLimits($scope: String!, $input: ScopeLimitsInput!) {
    setScopeLimits(scope: $scope, input: $input) { scope }
  }
`);

// What the settings page's query selects of the quotas: the generated type, so the two cannot drift apart.
type Quotas = NonNullable<NonNullable<ScopeSettingsPageQuery["scope"]>["quotas"]>;

const ROWS = [
  { label: "Packages", usage: "packageUsage", limit: "packageLimit" },
  { label: "New packages this week", usage: "newPackagePerWeekUsage", limit: "newPackagePerWeekLimit" },
  { label: "Publishes this week", usage: "publishAttemptsPerWeekUsage", limit: "publishAttemptsPerWeekLimit" },
] as const;

type Limit = (typeof ROWS)[number]["limit"];

export function ScopeQuotas({ scope, quotas, editable, onChange }: { scope: string; quotas: Quotas; editable: boolean; onChange: () => void }) {
  const [limits, setLimits] = useState<Record<Limit, string>>(() => Object.fromEntries(ROWS.map((r) => [r.limit, String(quotas[r.limit])])) as Record<Limit, string>);
  const [result, save] = useMutation(SetLimits);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="quotas-heading">
      <h2 id="quotas-heading">Quotas</h2>
      <dl className="counts">
        {ROWS.map((r) => (
          <div key={r.limit}>
            <dt>{r.label}</dt>
            <dd>
              {quotas[r.usage]} / {quotas[r.limit]}
            </dd>
          </div>
        ))}
      </dl>
      {editable ? (
        <form
          className="inline-form"
          onSubmit={async (event) => {
            event.preventDefault();
            setDone(null);
            const input = Object.fromEntries(ROWS.map((r) => [r.limit, Number(limits[r.limit])]));
            if (!(await save({ scope, input })).error) {
              setDone("Limits saved.");
              onChange();
            }
          }}
        >
          {ROWS.map((r) => (
            <label key={r.limit}>
              {r.label} limit
              <input type="number" name={r.limit} value={limits[r.limit]} onChange={(e) => setLimits({ ...limits, [r.limit]: e.target.value })} />
            </label>
          ))}
          <button type="submit" disabled={result.fetching}>
            Save limits
          </button>
        </form>
      ) : (
        <p className="muted">The server's staff set the limits.</p>
      )}
      <ActionResult error={result.error} done={done} />
    </section>
  );
}
