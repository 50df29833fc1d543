// GraphQL for reading a version in a browser: the README as sanitized HTML
// (inert whatever its author wrote, relative links resolved to the version's
// files), the exports, one version by number, and a file's text.
import { graphql, bodyOf } from "./support/client";
import { denoPackage, tarball, uploadTarball, waitForTask } from "./support/packages";
import { uniqueName, useWharf } from "./support/world";

const world = useWharf();
let scope: string;

const README = [
  "# Hello",
  "",
  "<script>window.pwned = 1</script>",
  "",
  '<img src="docs/logo.png" onerror="window.pwned = 2">',
  "",
  "[click](javascript:window.pwned=3) and <a href=\"JaVaScRiPt:window.pwned=4\">this</a>",
  "",
  "See [the guide](docs/guide.md), [elsewhere](https://example.com/x) and ![diagram](./docs/diagram.svg).",
  "",
  "```ts",
  "const answer: number = 42;",
  "```",
  "",
].join("\n");

async function readmeHtml(): Promise<string> {
  const res = await graphql(world.server.url, `query($s: String!) { package(ecosystem: JSR, scope: $s, name: "doc") { ... on JsrPackage { latestVersion { readmeHtml } } } }`, { s: scope });
  expect(res.errors).toBeUndefined();
  return res.data.package.latestVersion.readmeHtml;
}

beforeAll(async () => {
  const owner = await world.user();
  scope = uniqueName("rd");
  await owner.api.post("/api/scopes", { body: { scope } });
  await owner.api.post(`/api/scopes/${scope}/packages`, { body: { package: "doc" } });
  const files = denoPackage(`@${scope}/doc`, "1.0.0", { "README.md": README, "sub.ts": "export const sub = 1;\n", "docs/logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) }, {
    exports: { ".": "./mod.ts", "./sub": "./sub.ts" },
  });
  const res = await uploadTarball(world.server.url, owner.token, { scope, name: "doc", version: "1.0.0" }, await tarball(files));
  const task = await waitForTask(world.server.url, (await bodyOf(res)).id);
  expect(task.status).toBe("success");
});

it("renders a README's <script> inert", async () => {
  const html = await readmeHtml();
  expect(html).toContain("<h1>Hello</h1>");
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toContain("pwned = 1");
});

it("drops onerror= and other event handlers", async () => {
  const html = await readmeHtml();
  expect(html).toContain(`<img src="/@${scope}/doc/1.0.0/docs/logo.png"`);
  expect(html).not.toMatch(/onerror/i);
});

it("drops javascript: links, whatever their case", async () => {
  const html = await readmeHtml();
  // markdown-it leaves a Markdown link to javascript: as text; the sanitizer strips the raw HTML one's href.
  expect(html).not.toMatch(/(href|src)="\s*javascript:/i);
  expect(html).not.toMatch(/<a [^>]*>click<\/a>/);
  expect(html).toContain("<a>this</a>");
});

it("resolves relative links and images to the version's files, and highlights code", async () => {
  const html = await readmeHtml();
  expect(html).toContain(`<a href="/@${scope}/doc/1.0.0/docs/guide.md">the guide</a>`);
  expect(html).toContain(`src="/@${scope}/doc/1.0.0/docs/diagram.svg"`);
  expect(html).toContain('<a href="https://example.com/x" rel="nofollow noopener noreferrer">elsewhere</a>');
  expect(html).toContain('<span class="hljs-keyword">const</span>');
});

it("answers a version by number, its exports, and a file's text (null for binary files)", async () => {
  const res = await graphql(
    world.server.url,
    `query($s: String!) { package(ecosystem: JSR, scope: $s, name: "doc") { ... on JsrPackage {
      version(version: "1.0.0") { version exports { name path } mod: source(path: "/mod.ts") { path size text } png: source(path: "/docs/logo.png") { text size } none: source(path: "/nope.ts") { text } }
      missing: version(version: "9.9.9") { version }
    } } }`,
    { s: scope },
  );
  expect(res.errors).toBeUndefined();
  const { version, missing } = res.data.package;
  expect(missing).toBeNull();
  expect(version.exports).toEqual([{ name: ".", path: "./mod.ts" }, { name: "./sub", path: "./sub.ts" }]);
  expect(version.mod).toEqual({ path: "/mod.ts", size: expect.any(Number), text: `export const name = "@${scope}/doc";\n` });
  expect(version.png).toEqual({ text: null, size: 7 });
  expect(version.none).toBeNull();
});
