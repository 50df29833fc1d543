// /new?scope=&package=&from=cli: the page deno links to when a package does not exist yet. One mutation makes the
// scope (when there is none and the server lets this user make it), then the package; a waiting `deno publish`
// polls for the package and carries on by itself.
import { useState } from "react";
import { useMutation } from "urql";
import { Link, useSearch } from "wouter";
import { graphql } from "../gql";
import { ActionResult } from "../components/action-result";
import { useTitle } from "../layout/layout";
import { SignInFirst } from "../session/sign-in-first";
import { useViewer } from "../session/viewer";

const CreatePackage = graphql(`
  mutation NewPackage($scope: String!, $name: String!) {
    createPackage(scope: $scope, name: $name, createScope: true) { fullName }
  }
`);

export function NewPackagePage() {
  useTitle("New package");
  const params = new URLSearchParams(useSearch());
  const fromCli = params.get("from") === "cli";
  const { viewer } = useViewer();
  const [scope, setScope] = useState(params.get("scope") ?? "");
  const [name, setName] = useState(params.get("package") ?? "");
  const [packageResult, createPackage] = useMutation(CreatePackage);
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
            await createPackage({ scope, name });
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
          <button type="submit" disabled={packageResult.fetching}>
            Create
          </button>
        </form>
      )}
      <ActionResult error={packageResult.error} />
    </section>
  );
}
