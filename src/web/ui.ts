// The web UI (web/, built by Vite into web/dist at install): its pages, its
// hashed assets (immutable: their names change with their content), and the
// bundled GraphiQL at /graphiql. The UI reads everything through /graphql.
import fs from "node:fs";
import path from "node:path";
import express, { type Request, type Response, type Router } from "express";
import type { Logger } from "../logger";
import { isPage, wantsHtml } from "./routes";

export const WEB_DIST = path.resolve(__dirname, "..", "..", "..", "web", "dist");

// Defence in depth for READMEs shown in the page: no script but the app's own, images from anywhere over https.
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' https: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

function readPage(name: string): Buffer | undefined {
  const file = path.join(WEB_DIST, name);
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

/** The signed-in user as the app's header shows them (web/src/session/viewer.tsx reads it). */
export interface PageViewer {
  login: string;
  isStaff: boolean;
}

const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The app's HTML with the viewer in <meta name="wharf-viewer">, when someone is signed in. */
function withViewer(page: Buffer, viewer: PageViewer | undefined): Buffer {
  if (!viewer) return page;
  const meta = `<meta name="wharf-viewer" content="${escapeAttribute(JSON.stringify(viewer))}">`;
  return Buffer.from(page.toString("utf8").replace("</head>", `${meta}</head>`));
}

export interface WebUi {
  /** Pages, assets and /graphiql. */
  router: Router;
  /** For a browser asking for an address that is no page: the app, which shows its 404 page, with status 404. */
  notFound(req: Request, res: Response): boolean;
}

export function webUi(log: Logger, viewerOf: (req: Request) => Promise<PageViewer | undefined> = async () => undefined): WebUi {
  const index = readPage("index.html");
  const graphiql = readPage("graphiql.html");
  if (!index) log.warn("the web UI is not built (web/dist is missing): run npm run build", { dir: WEB_DIST });

  const sendPage = (res: Response, status: number, page: Buffer | undefined, csp: string | undefined, viewer?: PageViewer) => {
    if (!page) {
      res.status(503).type("text/plain").send("The web UI is not built: run `npm run build`.\n");
      return;
    }
    // private: a page naming its viewer is for that browser alone.
    res.status(status).set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": viewer ? "no-cache, private" : "no-cache", Vary: "Accept, Cookie", "X-Content-Type-Options": "nosniff" });
    if (csp) res.set("Content-Security-Policy", csp);
    res.send(withViewer(page, viewer));
  };

  const router = express.Router();
  router.use(
    "/assets",
    express.static(path.join(WEB_DIST, "assets"), {
      immutable: true,
      maxAge: "365d",
      index: false,
      fallthrough: true,
      setHeaders: (res) => res.setHeader("X-Content-Type-Options", "nosniff"),
    }),
  );
  router.get(["/graphiql", "/graphiql/"], (_req, res) => sendPage(res, 200, graphiql, undefined));
  router.get(/.*/, async (req, res, next) => {
    if (!isPage(req.path)) return next();
    sendPage(res, 200, index, PAGE_CSP, await viewerOf(req));
  });

  return {
    router,
    notFound(req, res) {
      if ((req.method !== "GET" && req.method !== "HEAD") || !wantsHtml(req.headers.accept)) return false;
      void viewerOf(req).then((viewer) => sendPage(res, 404, index, PAGE_CSP, viewer));
      return true;
    },
  };
}
