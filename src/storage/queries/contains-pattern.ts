// ILIKE patterns for "contains this text", with the text's own wildcards taken literally.

/** An ILIKE pattern for text containing `text` literally (its % _ and \\ escaped), or null for no text. */
export function containsPattern(text: string | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}
