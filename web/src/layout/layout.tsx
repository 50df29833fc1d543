import { useEffect, useRef, type ReactNode } from "react";
import { Link, useLocation, useSearch } from "wouter";

/** The frame of every page: header (home, search, a place for the sign-in link), main, footer. */
export function Layout({ children, headerEnd }: { children: ReactNode; headerEnd?: ReactNode }) {
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="bar">
          <Link href="/" className="brand" aria-label="Wharf home">
            <span aria-hidden="true" className="logo" />
            Wharf
          </Link>
          <SearchBox />
          <nav aria-label="Account" className="header-end">
            {headerEnd}
          </nav>
        </div>
      </header>
      <main id="main" className="content">
        {children}
      </main>
      <footer className="site-footer">
        <a href="/graphiql">GraphiQL</a>
        <a href="/graphql">GraphQL API</a>
        <a href="/api/.well-known/openapi">REST API (OpenAPI)</a>
      </footer>
    </>
  );
}

/** The search form; "/" anywhere on the page focuses it. */
function SearchBox() {
  const input = useRef<HTMLInputElement>(null);
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const current = location === "/search" ? (params.get("q") ?? "") : "";

  useEffect(() => {
    if (input.current) input.current.value = current;
  }, [current]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <form
      role="search"
      className="search"
      action="/search"
      onSubmit={(event) => {
        event.preventDefault();
        const q = input.current?.value.trim() ?? "";
        const ecosystem = location === "/search" ? params.get("ecosystem") : null;
        navigate(`/search?q=${encodeURIComponent(q)}${ecosystem ? `&ecosystem=${ecosystem}` : ""}`);
      }}
    >
      <input ref={input} name="q" type="search" defaultValue={current} placeholder="Search packages (press /)" aria-label="Search packages" aria-keyshortcuts="/" />
      <button type="submit">Search</button>
    </form>
  );
}

/** Sets the document's title for the page. */
export function useTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Wharf` : "Wharf";
  }, [title]);
}
