// Packages worth looking at, published through the real API: for the browser
// tests, the web benchmark and the README's screenshot.
import { denoPackage, tarball, uploadTarball, waitForTask } from "./packages";

export const DEMO_README = `# Harbour tools

Small, dependable helpers for **moving data** between ships and shores.

\`\`\`ts
import { dock } from "jsr:@harbour/tools";

const berth = await dock("Aurora", { tide: "high" });
console.log(berth.number);
\`\`\`

## Features

- Typed from end to end
- No dependencies beyond the standard library
- Works in deno, node and browsers

See [the guide](docs/guide.md) for more.
`;

async function call(url: string, token: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Makes the scope (if it is not there) and the package, and publishes the version with these extra files. */
export async function publishJsr(
  url: string,
  token: string,
  target: { scope: string; name: string; version: string; description?: string },
  files: Record<string, string | Buffer> = {},
): Promise<void> {
  const scope = await call(url, token, "POST", "/api/scopes", { scope: target.scope });
  if (!scope.ok && scope.status !== 409) throw new Error(`scope ${target.scope}: ${scope.status} ${await scope.text()}`);
  const pkg = await call(url, token, "POST", `/api/scopes/${target.scope}/packages`, { package: target.name });
  if (!pkg.ok && pkg.status !== 409) throw new Error(`package ${target.name}: ${pkg.status} ${await pkg.text()}`);
  if (target.description) {
    const update = await call(url, token, "POST", "/graphql", {
      query: "mutation($s: String!, $n: String!, $d: String!) { updatePackage(scope: $s, name: $n, input: { description: $d }) { name } }",
      variables: { s: target.scope, n: target.name, d: target.description },
    });
    const reply = (await update.json()) as { errors?: unknown };
    if (reply.errors) throw new Error(`description: ${JSON.stringify(reply.errors)}`);
  }
  const body = await tarball(denoPackage(`@${target.scope}/${target.name}`, target.version, files));
  const res = await uploadTarball(url, token, target, body);
  const task = (await res.json()) as { id: string };
  if (!res.ok) throw new Error(`publish: ${res.status} ${JSON.stringify(task)}`);
  const done = await waitForTask(url, task.id);
  if (done.status !== "success") throw new Error(`publish failed: ${JSON.stringify(done.error)}`);
}

/** @scope/tools 1.0.0 and 1.1.0 with a README and a second export, and @scope/cli depending on it. */
export async function seedDemo(url: string, token: string, scope: string): Promise<void> {
  const tools = { scope, name: "tools", description: "Helpers for moving data between ships and shores" };
  const config = { exports: { ".": "./mod.ts", "./tide": "./tide.ts" } };
  const files = (version: string) => ({
    "README.md": DEMO_README.replaceAll("@harbour", `@${scope}`),
    "mod.ts": `/** Docks a ship. */\nexport async function dock(ship: string, options: { tide: "high" | "low" }) {\n  return { ship, number: options.tide === "high" ? 1 : 2, version: "${version}" };\n}\n`,
    "tide.ts": "export const tides = [\"high\", \"low\"] as const;\n",
    "docs/guide.md": "# Guide\n\nDock early.\n",
  });
  await publishJsr(url, token, { ...tools, version: "1.0.0" }, denoFiles(files("1.0.0"), config, `@${scope}/tools`, "1.0.0"));
  await publishJsr(url, token, { ...tools, version: "1.1.0" }, denoFiles(files("1.1.0"), config, `@${scope}/tools`, "1.1.0"));
  await publishJsr(url, token, { scope, name: "cli", version: "0.1.0", description: "A command line for the harbour master" }, {
    "mod.ts": `import { dock } from "jsr:@${scope}/tools@^1.0.0";\nexport const main = () => dock("cli", { tide: "low" });\n`,
  });
}

/** The extra files with deno.json replaced by one carrying `config` (exports and the like). */
function denoFiles(files: Record<string, string>, config: Record<string, unknown>, fullName: string, version: string): Record<string, string> {
  return { ...files, "deno.json": JSON.stringify({ name: fullName, version, license: "MIT", ...config }) };
}
