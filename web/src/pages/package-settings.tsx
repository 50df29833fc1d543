// A jsr package's settings tab (scope admins) and the versions tab's yank button (scope members).
// Every rule (who may, whether a package may go) is the server's; a refusal shows its message.
import { useState } from "react";
import { useMutation } from "urql";
import { useLocation } from "wouter";
import { graphql } from "../gql";
import { ActionResult } from "../components/action-result";

const UpdatePackage = graphql(`
  mutation UpdatePackageSettings($scope: String!, $name: String!, $input: UpdatePackageInput!) {
    updatePackage(scope: $scope, name: $name, input: $input) { fullName description runtimeCompat isArchived }
  }
`);
const DeletePackage = graphql(`
  mutation DeletePackage($scope: String!, $name: String!) {
    deletePackage(scope: $scope, name: $name)
  }
`);
const YankVersion = graphql(`
  mutation YankVersion($scope: String!, $name: String!, $version: String!, $yanked: Boolean!) {
    yankVersion(scope: $scope, name: $name, version: $version, yanked: $yanked) { version yanked }
  }
`);

const RUNTIMES = [
  { key: "deno", label: "Deno" },
  { key: "node", label: "Node.js" },
  { key: "bun", label: "Bun" },
  { key: "browser", label: "Browsers" },
  { key: "workerd", label: "Cloudflare Workers (workerd)" },
] as const;
type Runtime = (typeof RUNTIMES)[number]["key"];
type Compat = Partial<Record<Runtime, boolean | null>>;

const asChoice = (value: boolean | null | undefined) => (value === true ? "yes" : value === false ? "no" : "unknown");
const fromChoice = (choice: string) => (choice === "yes" ? true : choice === "no" ? false : null);

interface Props {
  scope: string;
  name: string;
  description: string;
  runtimeCompat: unknown;
  isArchived: boolean;
  onChange: () => void;
}

export function PackageSettings({ scope, name, description: savedDescription, runtimeCompat, isArchived, onChange }: Props) {
  const [, navigate] = useLocation();
  const [description, setDescription] = useState(savedDescription);
  const [compat, setCompat] = useState<Compat>((runtimeCompat ?? {}) as Compat);
  const [updated, update] = useMutation(UpdatePackage);
  const [deleted, remove] = useMutation(DeletePackage);
  const [done, setDone] = useState<string | null>(null);
  const save = async (input: Record<string, unknown>, what: string) => {
    setDone(null);
    if (!(await update({ scope, name, input })).error) {
      setDone(what);
      onChange();
    }
  };
  return (
    <div className="settings">
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          const runtimes = Object.fromEntries(RUNTIMES.map((r) => [r.key, compat[r.key] ?? null]));
          void save({ description, runtimeCompat: runtimes }, "Settings saved.");
        }}
      >
        <label>
          Description
          <input name="description" value={description} maxLength={250} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <fieldset>
          <legend>Runtime compatibility</legend>
          {RUNTIMES.map((r) => (
            <div key={r.key} className="runtime">
              <label htmlFor={`runtime-${r.key}`}>{r.label}</label>
              <select id={`runtime-${r.key}`} name={r.key} value={asChoice(compat[r.key])} onChange={(e) => setCompat({ ...compat, [r.key]: fromChoice(e.target.value) })}>
                <option value="unknown">Unknown</option>
                <option value="yes">Works</option>
                <option value="no">Does not work</option>
              </select>
            </div>
          ))}
        </fieldset>
        <button type="submit" disabled={updated.fetching}>
          Save
        </button>
      </form>
      <ActionResult error={updated.error} done={done} />
      <section aria-labelledby="archive-heading">
        <h2 id="archive-heading">{isArchived ? "Archived" : "Archive"}</h2>
        <p className="muted">An archived package keeps its versions but takes no new ones and no setting changes.</p>
        <button type="button" className="quiet" onClick={() => save({ isArchived: !isArchived }, isArchived ? "Unarchived." : "Archived.")}>
          {isArchived ? "Unarchive the package" : "Archive the package"}
        </button>
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete</h2>
        <p className="muted">Only a package that has never had a version may be deleted.</p>
        <button
          type="button"
          className="danger"
          disabled={deleted.fetching}
          onClick={async () => {
            if (!window.confirm(`Delete @${scope}/${name}?`)) return;
            if (!(await remove({ scope, name })).error) navigate(`/@${scope}`);
          }}
        >
          Delete @{scope}/{name}
        </button>
        <ActionResult error={deleted.error} />
      </section>
    </div>
  );
}

/** Yanks a version (it stays downloadable but is never latest) or takes the yank back. */
export function YankButton({ scope, name, version, yanked, onChange }: { scope: string; name: string; version: string; yanked: boolean; onChange: () => void }) {
  const [result, yank] = useMutation(YankVersion);
  return (
    <>
      <button type="button" className="quiet" disabled={result.fetching} onClick={async () => !(await yank({ scope, name, version, yanked: !yanked })).error && onChange()}>
        {yanked ? `Unyank ${version}` : `Yank ${version}`}
      </button>
      <ActionResult error={result.error} />
    </>
  );
}
