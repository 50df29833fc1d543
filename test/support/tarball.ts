// Reading the tarballs Wharf serves: the regular files of a gzipped tar, by path.
import { gunzipSync } from "node:zlib";

export function tarballFiles(gzipped: Buffer): Map<string, string> {
  const tar = gunzipSync(gzipped);
  const files = new Map<string, string>();
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString("utf8").replace(/\0[\s\S]*$/, "");
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1);
    // ustar: a long path is split into a prefix and a name; pax headers ("g", "x") are skipped.
    const name = [field(345, 155), field(0, 100)].filter(Boolean).join("/");
    if (type === "0" || type === "") files.set(name, tar.subarray(at + 512, at + 512 + size).toString("utf8"));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
