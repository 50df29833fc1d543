// cson-parser ships no types; Wharf uses its parse only.
declare module "cson-parser" {
  export function parse(text: string): unknown;
}
