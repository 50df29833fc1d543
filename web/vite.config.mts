// The UI's build: two pages (the app, and the bundled GraphiQL at /graphiql),
// hashed assets under /assets/ that Wharf serves with immutable caching.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: "/",
  // JSX through Vite's own transformer (React's automatic runtime): no plugin needed for a production build.
  oxc: { jsx: { runtime: "automatic" } },
  // `npx vite --config web/vite.config.mts`: the UI with hot reload, its GraphQL from a running Wharf.
  server: { proxy: { "/graphql": process.env.WHARF_URL ?? "http://127.0.0.1:8080" } },
  build: {
    outDir: path.join(here, "dist"),
    emptyOutDir: true,
    assetsDir: "assets",
    reportCompressedSize: false,
    // GraphiQL is one large page of its own; the app's first load is measured by `npm run bench -- web`.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { app: path.join(here, "index.html"), graphiql: path.join(here, "graphiql.html") },
      // GraphiQL's dependencies mark modules "use client", which means nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
});
