import { Link, useLocation, useSearch } from "wouter";
import { signInUrl } from "../routes";

/** What a page that needs someone signed in shows to the anonymous: the way in, coming back here. */
export function SignInFirst({ to }: { to: string }) {
  const [location] = useLocation();
  const search = useSearch();
  return (
    <p className="notice">
      <Link href={signInUrl(location + (search ? `?${search}` : ""))}>Sign in</Link> to {to}.
    </p>
  );
}
