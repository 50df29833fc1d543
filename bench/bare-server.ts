// The baseline: a bare node `http` server answering every request with one file's bytes, in a process of its own
// (in the load generator's process it would be held down by it). Prints its port, then serves until killed.
// Usage: node bare-server.js <file> <content-type>
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";

const [file, contentType] = process.argv.slice(2);
const body = fs.readFileSync(file);
const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, { "content-type": contentType, "content-length": body.length });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => console.log((server.address() as AddressInfo).port));
