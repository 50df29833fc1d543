import { useMutation } from "urql";
import { Link, useLocation } from "wouter";
import { graphql } from "../gql";
import { signInUrl } from "../routes";
import { useViewer } from "./viewer";

const SignOut = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** The header's end: who is signed in, with their account and a way out; else the way in. */
export function AccountNav() {
  const { viewer, setViewer } = useViewer();
  const [location, navigate] = useLocation();
  const [{ fetching }, signOut] = useMutation(SignOut);
  if (!viewer) {
    if (location === "/sign-in") return null;
    return <Link href={signInUrl(location + window.location.search)}>Sign in</Link>;
  }
  return (
    <>
      <Link href="/account" className="viewer" aria-label={`${viewer.login}: your account`}>
        {viewer.login}
      </Link>
      <button
        type="button"
        className="quiet"
        disabled={fetching}
        onClick={async () => {
          const result = await signOut({});
          if (!result.error) {
            setViewer(null);
            navigate("/");
          }
        }}
      >
        Sign out
      </button>
    </>
  );
}
