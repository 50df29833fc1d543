// A page of an Atom list or search, with the headers Pulsar's clients read: Link (absolute URLs from PUBLIC_URL;
// the website takes the second link for the last page), Query-Total (how many match) and Query-Limit (page size).
import { readAtomPackagePage } from "../../services/atom/package-lists";
import { okKept, type OperationInput, type ReplyOf } from "../operation";
import { presentAtomPackages } from "./present";

/** The operations that answer a page of packages. */
type ListOperation = "atomListPackages" | "atomSearchPackages" | "atomListThemes" | "atomSearchThemes";

export async function listPage({ ctx, query, req }: OperationInput<ListOperation>, kind: { search: boolean; themes: boolean }): Promise<ReplyOf<ListOperation>> {
  const { page, echo, items, total, limit, keep } = await readAtomPackagePage(ctx, query, kind);
  const last = Math.max(1, Math.ceil(total / limit));
  const base = new URL(req.path, ctx.config.publicUrl);
  const link = (p: number, rel: string) => {
    const url = new URL(base);
    url.searchParams.set("page", String(p));
    // Unlike Pulsar's, a search's links keep its q.
    for (const [k, v] of Object.entries(echo)) url.searchParams.set(k, v);
    return `<${url}>; rel="${rel}"`;
  };
  const links = [link(page, "self"), link(last, "last"), ...(page < last ? [link(page + 1, "next")] : []), ...(page > 1 ? [link(page - 1, "prev")] : [])];
  const headers = { Link: links.join(", "), "Query-Total": String(total), "Query-Limit": String(limit) };
  return okKept(presentAtomPackages(items, ctx.config), keep, headers);
}
