// A module's entry in `<version>_meta.json`'s moduleGraph2: deno_graph's
// ModuleInfo (denoland/deno_graph src/analysis.rs), which deno reads instead of
// parsing the module to find its dependencies. Read with TypeScript's parser.
// What deno trusts here it does not look for again, so a module holding anything
// this reader does not describe exactly (type pragmas, triple-slash references,
// JSDoc imports, computed imports, module augmentations, a module with no
// import or export at all) is left out: deno then parses that one itself.
import ts from "typescript";

type Position = [number, number];
type Range = [Position, Position];

export interface StaticDependency {
  type: "static";
  kind: "import" | "importType" | "importEquals" | "export" | "exportType";
  specifier: string;
  specifierRange: Range;
  sideEffect?: true;
  importAttributes?: { known: Record<string, string> };
}

export interface DynamicDependency {
  type: "dynamic";
  argument: string;
  argumentRange: Range;
}

export interface ModuleInfo {
  dependencies?: (StaticDependency | DynamicDependency)[];
}

// Comments that carry meaning for deno_graph (pragmas, JSDoc imports, source maps).
const MEANINGFUL_COMMENT = /@(?:deno-types|ts-types|ts-self-types|jsxImportSource|jsxImportSourceTypes|import\b|jsx\b)|import\(|sourceMappingURL|<reference/;

class Undescribed extends Error {}

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = { ".ts": ts.ScriptKind.TS, ".tsx": ts.ScriptKind.TSX, ".js": ts.ScriptKind.JS, ".jsx": ts.ScriptKind.JSX };

function scriptKindOf(path: string): ts.ScriptKind {
  const ext = /\.[cm]?([jt]sx?)$/.exec(path)?.[1];
  return ext ? (SCRIPT_KINDS[`.${ext}`] ?? ts.ScriptKind.TS) : ts.ScriptKind.TS;
}

/** The module's ModuleInfo, or undefined when deno should read the module itself. */
export function moduleInfoOf(path: string, source: string): ModuleInfo | undefined {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, scriptKindOf(path));
  if (hasMeaningfulComment(source, file)) return undefined;
  const range = (literal: ts.Node): Range => {
    const start = file.getLineAndCharacterOfPosition(literal.getStart(file));
    const end = file.getLineAndCharacterOfPosition(literal.getEnd());
    return [
      [start.line, start.character],
      [end.line, end.character],
    ];
  };
  const dependencies: (StaticDependency | DynamicDependency)[] = [];
  let isModule = false;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      isModule = true;
      if (!ts.isStringLiteral(node.moduleSpecifier)) throw new Undescribed();
      const clause = node.importClause;
      // deno_graph's sideEffect: nothing bound (`import "x"`, `import {} from "x"`).
      const bindsNothing = !clause || (!clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length === 0);
      if (clause && (clause as { phaseModifier?: unknown }).phaseModifier && !clause.isTypeOnly) throw new Undescribed(); // import defer / source
      dependencies.push({
        type: "static",
        kind: clause?.isTypeOnly ? "importType" : "import",
        specifier: node.moduleSpecifier.text,
        specifierRange: range(node.moduleSpecifier),
        ...(bindsNothing && { sideEffect: true as const }),
        ...attributesOf(node.attributes),
      });
    } else if (ts.isExportDeclaration(node)) {
      isModule = true;
      if (node.moduleSpecifier) {
        if (!ts.isStringLiteral(node.moduleSpecifier)) throw new Undescribed();
        dependencies.push({
          type: "static",
          kind: node.isTypeOnly ? "exportType" : "export",
          specifier: node.moduleSpecifier.text,
          specifierRange: range(node.moduleSpecifier),
          ...attributesOf(node.attributes),
        });
      }
    } else if (ts.isImportEqualsDeclaration(node) || ts.isModuleDeclaration(node) || ts.isImportTypeNode(node)) {
      throw new Undescribed();
    } else if (ts.isExportAssignment(node) || hasExportModifier(node)) {
      isModule = true;
    } else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) {
      isModule = true;
    } else if (ts.isCallExpression(node)) {
      // require() is CommonJS, which deno reads differently: left to deno.
      if (ts.isIdentifier(node.expression) && node.expression.text === "require") throw new Undescribed();
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [argument] = node.arguments;
        if (node.arguments.length !== 1 || !argument || !ts.isStringLiteral(argument)) throw new Undescribed();
        dependencies.push({ type: "dynamic", argument: argument.text, argumentRange: range(argument) });
      }
    }
    ts.forEachChild(node, visit);
  };
  try {
    visit(file);
  } catch (err) {
    if (err instanceof Undescribed) return undefined;
    throw err;
  }
  // A script (no import, export or import.meta) gets deno's own reading.
  if (!isModule) return undefined;
  return dependencies.length > 0 ? { dependencies } : {};
}

/** Whether a comment (not code or a string) holds something deno_graph reads: comments are found around nodes, as the parser saw them. */
function hasMeaningfulComment(source: string, file: ts.SourceFile): boolean {
  if (!MEANINGFUL_COMMENT.test(source)) return false;
  const seen = new Set<number>();
  const meaningful = (ranges: ts.CommentRange[] | undefined) =>
    (ranges ?? []).some((r) => !seen.has(r.pos) && (seen.add(r.pos), MEANINGFUL_COMMENT.test(source.slice(r.pos, r.end))));
  const visit = (node: ts.Node): boolean =>
    meaningful(ts.getLeadingCommentRanges(source, node.pos)) ||
    meaningful(ts.getTrailingCommentRanges(source, node.end)) ||
    (ts.forEachChild(node, visit) ?? false);
  return visit(file) || meaningful(ts.getLeadingCommentRanges(source, file.endOfFileToken.pos));
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function attributesOf(attributes: ts.ImportAttributes | undefined): { importAttributes?: { known: Record<string, string> } } {
  if (!attributes) return {};
  const known: Record<string, string> = {};
  for (const element of attributes.elements) {
    if (!ts.isStringLiteral(element.value)) throw new Undescribed();
    known[ts.isIdentifier(element.name) ? element.name.text : element.name.text] = element.value.text;
  }
  return { importAttributes: { known } };
}
