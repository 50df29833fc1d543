// /new?scope=&package=&from=cli: the page deno links to when a package does not exist yet. It makes the scope
// (when there is none and the server lets this user make it), then the package; a waiting `deno publish`
// polls for the package and carries on by itself.
import { useState } from "react";
import { useClient, useMutation } from "urql";
import { Link, useSearch } from "wouter";
import { graphql } from "../gql";
import { ActionResult } from "../components/action-result";
import { useTitle } from "../layout/layout";
import { SignInFirst } from "../session/sign-in-first";
import { useViewer } from "../session/viewer";

const ScopeExists = graphql(`
  query NewPackageScope($scope: String!) {
    scope(name: $scope) { scope }
  }
`);
const CreateScope = graphql(`
  mutation NewPackageCreateScope($scope: String!) {
    createScope(input: { scope: $scope }) { scope }
  }
`);
const CreatePackage = graphql(`
  mutation NewPackage($scope: String!, $name: String!) {
    createPackage(scope: $scope, name: $name) { fullName }
  }
`);

export function NewPackagePage() {
  useTitle("New package");
  const params = new URLSearchParams(useSearch());
  const fromCli = params.get("from") === "cli";
  const { viewer } = useViewer();
  const client = useClient();
  const [scope, setScope] = useState(params.get("scope") ?? "");
  const [name, setName] = useState(params.get("package") ?? "");
  const [scopeResult, createScope] = useMutation(CreateScope);
  const [packageResult, createPackage] = useMutation(CreatePackage);
  const [busy, setBusy] = useState(false);
  const created = packageResult.data?.createPackage.fullName;
  if (!viewer) return <SignInFirst to={`create ${scope && name ? `@${scope}/${name}` : "a package"}`} />;
  return (
    <section className="narrow">
      <h1>New package</h1>
      {created ? (
        <div role="status" className="notice ok">
          <p>
            Created <Link href={`/${created}`}>{created}</Link>.
          </p>
          {fromCli && <p>deno publish carries on by itself: go back to your terminal.</p>}
        </div>
      ) : (
        <form
          className="stack"
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            try {
              const existing = await client.query(ScopeExists, { scope }, { requestPolicy: "network-only" }).toPromise();
              if (!existing.error && !existing.data?.scope && (await createScope({ scope })).error) return;
              await createPackage({ scope, name });
            } finally {
              setBusy(false);
            }
          }}
        >
          <label>
            Scope
            <span className="prefixed">
              <span aria-hidden="true">@</span>
              <input name="scope" required value={scope} onChange={(e) => setScope(e.target.value.trim().replace(/^@/, ""))} />
            </span>
          </label>
          <label>
            Package name
            <input name="package" required value={name} onChange={(e) => setName(e.target.value.trim())} />
          </label>
          <p className="muted">A scope that does not exist yet is made for you, with you as its admin, if you may make one.</p>
          <button type="submit" disabled={busy}>
            Create
          </button>
        </form>
      )}
      <ActionResult error={scopeResult.error ?? packageResult.error} />
    </section>
  );
}
