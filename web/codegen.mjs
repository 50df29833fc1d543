// Typed GraphQL documents for the UI (graphql-codegen's client preset), from the
// committed schema.graphql and the graphql(`...`) calls in web/src. Run through
// @graphql-codegen/core rather than its CLI, whose dependencies need Node 22.
//   node web/codegen.mjs           rewrites web/src/gql/
//   node web/codegen.mjs <dir>     writes them to <dir> instead (the staleness test compares)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, parse, printSchema } from "graphql";
import { codegen } from "@graphql-codegen/core";
import { preset } from "@graphql-codegen/client-preset";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const outDir = path.resolve(process.argv[2] ?? path.join(here, "src", "gql"));

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "gql" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// Each graphql(`...`) call is one document; the preset keys its typed result by the exact text.
const documents = sourceFiles(path.join(here, "src"))
  .sort()
  .flatMap((file) => {
    const text = fs.readFileSync(file, "utf8");
    return [...text.matchAll(/\bgraphql\(`([^`]*)`\)/g)].map((m) => ({ location: path.relative(root, file), rawSDL: m[1], document: parse(m[1]) }));
  });

const schemaAst = buildSchema(fs.readFileSync(path.join(root, "schema.graphql"), "utf8"));
const config = { useTypeImports: true, enumsAsTypes: true, scalars: { DateTimeISO: "string", JSON: "unknown" } };
const outputs = await preset.buildGeneratesSection({
  baseOutputDir: "./",
  schema: parse(printSchema(schemaAst)),
  schemaAst,
  documents,
  config,
  presetConfig: { fragmentMasking: false },
  plugins: [],
  pluginMap: {},
});

fs.mkdirSync(outDir, { recursive: true });
for (const output of outputs) {
  const content = await codegen({ ...output, config: { ...config, ...output.config } });
  fs.writeFileSync(path.join(outDir, path.basename(output.filename)), content);
}
console.log(`wrote ${outputs.length} files to ${path.relative(process.cwd(), outDir) || "."} from ${documents.length} documents`);
