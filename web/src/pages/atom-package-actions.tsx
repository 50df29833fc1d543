// What a signed-in person may do on an Atom package's page: star it; and for its owners, delete it or a version.
import { useMutation } from "urql";
import { useLocation } from "wouter";
import { graphql } from "../gql";
import { ActionResult } from "../components/action-result";

const Star = graphql(`
  mutation StarAtomPackage($name: String!) {
    starAtomPackage(name: $name) { name starCount viewerHasStarred }
  }
`);
const Unstar = graphql(`
  mutation UnstarAtomPackage($name: String!) {
    unstarAtomPackage(name: $name)
  }
`);
const DeletePackage = graphql(`
  mutation DeleteAtomPackage($name: String!) {
    deleteAtomPackage(name: $name)
  }
`);
const DeleteVersion = graphql(`
  mutation DeleteAtomVersion($name: String!, $version: String!) {
    deleteAtomVersion(name: $name, version: $version)
  }
`);

export function StarButton({ name, starred, onChange }: { name: string; starred: boolean; onChange: () => void }) {
  const [starring, star] = useMutation(Star);
  const [unstarring, unstar] = useMutation(Unstar);
  return (
    <>
      <button
        type="button"
        aria-pressed={starred}
        disabled={starring.fetching || unstarring.fetching}
        onClick={async () => !(await (starred ? unstar({ name }) : star({ name }))).error && onChange()}
      >
        {starred ? "★ Starred" : "☆ Star"}
      </button>
      <ActionResult error={starring.error ?? unstarring.error} />
    </>
  );
}

export function DeleteAtomPackageButton({ name }: { name: string }) {
  const [, navigate] = useLocation();
  const [result, remove] = useMutation(DeletePackage);
  return (
    <section aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete</h2>
      <p className="muted">Its name and version numbers stay taken.</p>
      <button
        type="button"
        className="danger"
        disabled={result.fetching}
        onClick={async () => {
          if (!window.confirm(`Delete ${name} and every version?`)) return;
          if (!(await remove({ name })).error) navigate("/account");
        }}
      >
        Delete {name}
      </button>
      <ActionResult error={result.error} />
    </section>
  );
}

export function DeleteAtomVersionButton({ name, version, onChange }: { name: string; version: string; onChange: () => void }) {
  const [result, remove] = useMutation(DeleteVersion);
  return (
    <>
      <button
        type="button"
        className="quiet small"
        disabled={result.fetching}
        onClick={async () => {
          if (!window.confirm(`Delete ${name} ${version}? Its number can never be published again.`)) return;
          if (!(await remove({ name, version })).error) onChange();
        }}
      >
        Delete {version}
      </button>
      <ActionResult error={result.error} />
    </>
  );
}
