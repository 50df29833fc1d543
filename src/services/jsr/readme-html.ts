// A README as safe HTML: Markdown rendered by markdown-it, code highlighted by
// highlight.js, then everything passed through sanitize-html, so that what a
// package author writes (raw HTML included) can never run in a reader's browser.
// Relative links and images resolve to the package's own files.
import type MarkdownIt from "markdown-it";
import type SanitizeHtml from "sanitize-html";

// Loaded untyped: highlight.js's own types pull the DOM library into the server's compilation.
interface Highlighter {
  getLanguage(name: string): unknown;
  highlight(code: string, options: { language: string; ignoreIllegals: boolean }): { value: string };
}

interface Renderer {
  markdown: InstanceType<typeof MarkdownIt>;
  sanitize: typeof SanitizeHtml;
  allowedTags: string[];
}

// The libraries are loaded at the first README rendered, not at start: a fifth of a second of CPU that a Wharf
// answering only the registry and the APIs never needs.
let renderer: Renderer | undefined;

function loadRenderer(): Renderer {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const hljs = require("highlight.js/lib/common") as Highlighter;
  const Markdown = require("markdown-it") as typeof MarkdownIt;
  const sanitize = require("sanitize-html") as typeof SanitizeHtml;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const markdown = new Markdown({
    html: true, // READMEs carry HTML (badges, <details>); the sanitizer below decides what stays
    linkify: true,
    highlight(code, lang) {
      if (!lang || !hljs.getLanguage(lang)) return "";
      try {
        return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
      } catch {
        return "";
      }
    },
  });
  const allowedTags = [
    ...sanitize.defaults.allowedTags,
    "img", "picture", "source", "details", "summary", "del", "ins", "sup", "sub", "kbd", "input",
  ];
  return { markdown, sanitize, allowedTags };
}

/** Where a README's relative references point: `/@scope/name/1.0.0/` for a jsr version. */
export interface ReadmeBase {
  /** The folder the README is in, as an absolute path on this origin ending in "/"; null: relative links are dropped. */
  files: string | null;
}

/** Resolves a relative URL against the README's folder; absolute http(s)/mailto and in-page anchors stay; anything else goes. */
function resolveUrl(url: string, base: ReadmeBase): string | undefined {
  const trimmed = url.trim();
  if (trimmed.startsWith("#")) return trimmed;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (scheme) return ["http", "https", "mailto"].includes(scheme[1].toLowerCase()) ? trimmed : undefined;
  if (trimmed.startsWith("//")) return undefined;
  if (!base.files) return undefined;
  // Resolve like a browser would, then make sure the result stays within the origin.
  const resolved = new URL(trimmed, `http://wharf.invalid${base.files}`);
  return resolved.host === "wharf.invalid" ? `${resolved.pathname}${resolved.search}${resolved.hash}` : undefined;
}

export function renderReadme(text: string, base: ReadmeBase): string {
  const { markdown, sanitize, allowedTags } = (renderer ??= loadRenderer());
  const html = markdown.render(text);
  return sanitize(html, {
    allowedTags,
    allowedAttributes: {
      a: ["href", "name", "title", "rel"],
      img: ["src", "alt", "title", "width", "height", "align", "loading"],
      source: ["srcset", "media", "type"],
      code: ["class"],
      span: ["class"],
      th: ["align"],
      td: ["align"],
      p: ["align"],
      div: ["align"],
      h1: ["id"], h2: ["id"], h3: ["id"], h4: ["id"],
      input: ["type", "checked", "disabled"],
      pre: ["tabindex"],
      details: ["open"],
    },
    allowedClasses: { code: [/^language-/], span: [/^hljs/] },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href === undefined ? undefined : resolveUrl(attribs.href, base);
        const external = href !== undefined && /^https?:/i.test(href);
        const { href: _dropped, ...rest } = attribs;
        return { tagName, attribs: { ...rest, ...(href !== undefined ? { href } : {}), ...(external ? { rel: "nofollow noopener noreferrer" } : {}) } };
      },
      img: (tagName, attribs) => {
        const src = attribs.src === undefined ? undefined : resolveUrl(attribs.src, base);
        const { src: _dropped, ...rest } = attribs;
        return { tagName, attribs: { ...rest, ...(src !== undefined && !src.startsWith("#") ? { src } : {}), loading: "lazy" } };
      },
      input: (tagName, attribs) => ({ tagName, attribs: { ...attribs, disabled: "" } }),
      // A code block may scroll sideways: keyboard users must be able to reach it.
      pre: (tagName) => ({ tagName, attribs: { tabindex: "0" } }),
    },
    allowedSchemesAppliedToAttributes: ["href", "src"],
    exclusiveFilter: (frame) => frame.tag === "input" && frame.attribs.type !== "checkbox",
  });
}

/** Rendered READMEs by version: versions never change, so each is rendered once (bounded, oldest dropped first). */
export class ReadmeCache {
  private readonly entries = new Map<string, string>();
  constructor(private readonly maxEntries = 500) {}

  get(key: string, render: () => string): string {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const html = render();
    this.entries.set(key, html);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return html;
  }
}
