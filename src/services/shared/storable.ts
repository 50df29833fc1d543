// What PostgreSQL can store. Its text and jsonb refuse NUL (\u0000); a lone UTF-16 surrogate has no UTF-8 form (Prisma
// refuses it in text, jsonb refuses its \u escape); and JSON nested thousands deep overflows the stack of whatever
// serialises it. Input carrying any of these is refused where it enters, as the caller's error, before it is a 500.

/** Deep enough for any real request body or package.json. */
export const MAX_JSON_DEPTH = 64;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL could not store this text, if it could not. */
export function unstorableText(text: string): string | undefined {
  if (text.includes("\u0000")) return "contains a NUL character";
  if (LONE_SURROGATE.test(text)) return "contains a lone UTF-16 surrogate";
  return undefined;
}

/**
 * Why PostgreSQL could not store this JSON value (its strings and keys, at any depth), if it could not.
 * Iterative, so that input nested arbitrarily deep cannot exhaust the stack here.
 */
export function unstorableJson(value: unknown, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item === "string") {
      const problem = unstorableText(item);
      if (problem) return problem;
    } else if (typeof item === "object" && item !== null) {
      if (depth >= maxDepth) return `is nested more than ${maxDepth} deep`;
      if (Array.isArray(item)) {
        for (const element of item) stack.push([element, depth + 1]);
      } else {
        for (const [key, member] of Object.entries(item)) {
          const problem = unstorableText(key);
          if (problem) return problem;
          stack.push([member, depth + 1]);
        }
      }
    }
  }
  return undefined;
}
