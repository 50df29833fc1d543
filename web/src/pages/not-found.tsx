import { Link } from "wouter";
import { useTitle } from "../layout/layout";

export function NotFoundPage({ what }: { what?: string }) {
  useTitle("Not found");
  return (
    <section className="not-found">
      <h1>Nothing here</h1>
      <p>{what ?? "There is no page at this address."} Try a search, or start from the <Link href="/">home page</Link>.</p>
    </section>
  );
}
