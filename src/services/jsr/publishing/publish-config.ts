// The package's config file (deno.json, deno.jsonc or jsr.json), checked
// against the URL it was uploaded to and against the files it came with.
import { parseJsonc } from "./typescript-thread";
import { PublishError } from "../../../errors";
import type { UnpackedPackage } from "./tarball";
import { dependencyOf, type Dependency } from "./module-imports";

export interface PackageConfig {
  exports: Record<string, string>;
  imports: Record<string, string>;
  license?: string;
}

const LICENSE_FILE = /^\/licen[cs]e(?:\.[a-z]+)?$/i;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export async function readConfig(unpacked: UnpackedPackage, configPath: string, expected: { fullName: string; version: string }): Promise<PackageConfig> {
  const text = unpacked.texts.get(configPath);
  if (text === undefined) throw new PublishError("missingConfigFile", `The config file ${configPath} is not in the tarball.`);
  const { config: parsed, error } = await parseJsonc(configPath, text);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked field by field below
  const config = parsed as any;
  if (error || typeof config !== "object" || config === null) {
    throw new PublishError("invalidConfigFile", `The config file ${configPath} is not valid JSON.`);
  }
  if (config.name !== expected.fullName) {
    throw new PublishError("configFileNameMismatch", `The config file names ${JSON.stringify(config.name)}, but this is ${expected.fullName}.`);
  }
  if (config.version !== expected.version) {
    throw new PublishError(
      "configFileVersionMismatch",
      `The config file has version ${JSON.stringify(config.version)}, but ${expected.version} is being published.`,
    );
  }
  const exports = exportsOf(config.exports, new Set(unpacked.files.map((f) => f.path)));
  const license = typeof config.license === "string" && config.license.trim() ? config.license.trim() : undefined;
  if (!license && !unpacked.files.some((f) => LICENSE_FILE.test(f.path))) {
    throw new PublishError("missingLicense", 'A package needs a licence: a "license" field in its config, or a LICENSE file.');
  }
  const imports = typeof config.imports === "object" && config.imports !== null ? (config.imports as Record<string, string>) : {};
  return { exports, imports, license };
}

/** The exports as {".": "./mod.ts", ...}; each must point at a file the package has. */
function exportsOf(raw: unknown, paths: Set<string>): Record<string, string> {
  const map = typeof raw === "string" ? { ".": raw } : raw;
  if (typeof map !== "object" || map === null || Array.isArray(map) || Object.keys(map).length === 0) {
    throw new PublishError("configFileExportsInvalid", 'The config file must have "exports": a path, or a map of them.');
  }
  const exports: Record<string, string> = {};
  for (const [key, target] of Object.entries(map)) {
    // Kept as JSON in PostgreSQL, which refuses \u0000.
    if (CONTROL_CHARACTER.test(key)) throw new PublishError("configFileExportsInvalid", `The export ${JSON.stringify(key)} contains a control character.`);
    if (key !== "." && !key.startsWith("./")) {
      throw new PublishError("configFileExportsInvalid", `The export ${JSON.stringify(key)} must be "." or start with "./".`);
    }
    if (typeof target !== "string") throw new PublishError("configFileExportsInvalid", `The export ${JSON.stringify(key)} must be a path.`);
    const relative = target.startsWith("./") ? target : `./${target.replace(/^\/+/, "")}`;
    if (!paths.has(relative.slice(1))) {
      throw new PublishError("configFileExportsInvalid", `The export ${JSON.stringify(key)} points at ${JSON.stringify(target)}, which is not in the package.`);
    }
    exports[key] = relative;
  }
  return exports;
}

/** The jsr: and npm: packages the modules import, directly or through the config's import map. */
export function dependenciesOf(unpacked: UnpackedPackage, config: PackageConfig): Dependency[] {
  const found = new Map<string, Dependency>();
  for (const specifiers of unpacked.imports.values()) {
    for (const specifier of specifiers) {
      const resolved = resolveImport(specifier, config.imports);
      const dependency = dependencyOf(resolved);
      // Recorded in PostgreSQL, which refuses NUL; no package name, version or path holds a control character.
      if (dependency && CONTROL_CHARACTER.test(resolved)) {
        throw new PublishError(
          dependency.kind === "jsr" ? "invalidJsrSpecifier" : "invalidNpmSpecifier",
          `The specifier ${JSON.stringify(resolved)} is invalid: it contains a control character.`,
        );
      }
      if (dependency) found.set(`${dependency.kind}:${dependency.name}@${dependency.constraint}${dependency.path}`, dependency);
    }
  }
  return [...found.values()];
}

/** A bare specifier through the import map: an exact key, or the longest key ending in "/" that prefixes it. */
function resolveImport(specifier: string, imports: Record<string, string>): string {
  if (imports[specifier]) return imports[specifier];
  const prefix = Object.keys(imports)
    .filter((key) => key.endsWith("/") && specifier.startsWith(key))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? imports[prefix] + specifier.slice(prefix.length) : specifier;
}
