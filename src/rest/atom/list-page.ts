// A page of an Atom list or search, with the headers Pulsar's clients read: Link (absolute URLs from PUBLIC_URL;
// the website takes the second link for the last page), Query-Total (how many match) and Query-Limit (page size).
import { parseAtomListQuery } from "../../services/atom/list-query";
import { listAtomPackages, searchAtomPackages } from "../../storage/queries/atom-package-pages";
import { ok, type OperationInput, type ReplyOf } from "../operation";
import { presentAtomPackages } from "./present";

/** The operations that answer a page of packages. */
type ListOperation = "atomListPackages" | "atomSearchPackages" | "atomListThemes" | "atomSearchThemes";

export async function listPage({ ctx, query, req }: OperationInput<ListOperation>, kind: { search: boolean; themes: boolean }): Promise<ReplyOf<ListOperation>> {
  const { page, q, echo, request } = parseAtomListQuery(query, kind);
  const { items, total } = q ? await searchAtomPackages(ctx.sql, q, request) : await listAtomPackages(ctx.sql, request);
  const last = Math.max(1, Math.ceil(total / request.limit));
  const base = new URL(req.path, ctx.config.publicUrl);
  const link = (p: number, rel: string) => {
    const url = new URL(base);
    url.searchParams.set("page", String(p));
    // Unlike Pulsar's, a search's links keep its q.
    for (const [k, v] of Object.entries(echo)) url.searchParams.set(k, v);
    return `<${url}>; rel="${rel}"`;
  };
  const links = [link(page, "self"), link(last, "last"), ...(page < last ? [link(page + 1, "next")] : []), ...(page > 1 ? [link(page - 1, "prev")] : [])];
  return ok(presentAtomPackages(items, ctx.config), { Link: links.join(", "), "Query-Total": String(total), "Query-Limit": String(request.limit) });
}
