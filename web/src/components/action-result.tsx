import type { CombinedError } from "urql";
import { ErrorNotice } from "./query-state";

/** After a write: the catalogue's message when it was refused, else what it did (announced to screen readers). */
export function ActionResult({ error, done }: { error?: CombinedError; done?: string | null }) {
  if (error) return <ErrorNotice error={error} />;
  return (
    <p role="status" className={done ? "notice ok" : "visually-hidden"}>
      {done ?? ""}
    </p>
  );
}
