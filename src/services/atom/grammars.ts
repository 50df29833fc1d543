// What a version's grammars declare, for Pulsar's fileExtension filter: the
// fileTypes of each grammars/*.json or *.cson (TextMate and tree-sitter
// grammars alike), as Pulsar's feature detection reads them.
import * as CSON from "cson-parser";
import { filesAt, type GitRepository } from "./git-repository";

/** At most this many extensions are kept per version, each at most this long. */
const MAX_EXTENSIONS = 200;
const MAX_EXTENSION_LENGTH = 100;

function parseGrammar(name: string, text: string): unknown {
  try {
    if (name.endsWith(".json")) return JSON.parse(text);
    if (name.endsWith(".cson")) return CSON.parse(text);
  } catch {
    // A grammar that does not parse declares nothing here; the editor will say what is wrong with it.
  }
  return undefined;
}

/** The file extensions the grammars at a tag declare, once each, in the order found. */
export async function grammarFileTypesAt(repo: GitRepository, tag: string): Promise<string[]> {
  const found = new Set<string>();
  for (const { name, text } of await filesAt(repo, tag, "grammars")) {
    const fileTypes = (parseGrammar(name, text) as { fileTypes?: unknown } | undefined)?.fileTypes;
    if (!Array.isArray(fileTypes)) continue;
    for (const type of fileTypes) {
      // PostgreSQL's text refuses NUL.
      if (typeof type === "string" && type && type.length <= MAX_EXTENSION_LENGTH && !type.includes("\u0000")) found.add(type);
    }
  }
  return [...found].slice(0, MAX_EXTENSIONS);
}
