// A request line's strings are written as JSON without JSON.stringify when nothing needs escaping: the result must
// be JSON.stringify's, whatever a path holds.
import { jsonString } from "../../src/logger";

describe("jsonString", () => {
  const texts = [
    "",
    "/@scope/name/meta.json",
    "/@scope/name/1.0.0/%E2%9C%93.ts",
    'a "quoted" path',
    "back\\slash",
    "nul\u0000byte",
    "tab\tand\nnewline\r",
    "\u001f\u007f\u0080",
    "é ✓ 🎉",
    "lone \ud800 high",
    "lone \udfff low",
    "\u2028\u2029",
  ];
  it.each(texts)("writes %j as JSON.stringify does", (text) => {
    expect(jsonString(text)).toBe(JSON.stringify(text));
    expect(JSON.parse(jsonString(text))).toBe(text);
  });
});
