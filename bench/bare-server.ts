// The baseline: a bare node `http` server answering every request with one recorded answer of Wharf's, in a process
// of its own (in the load generator's process it would be held down by it). Prints its port, then serves until
// killed. Usage: node bare-server.js <answer.json>, where answer.json holds the body (base64) and the headers to send,
// names and values in turn.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";

const answer = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as { body: string; headers: string[] };
const body = Buffer.from(answer.body, "base64");
const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, answer.headers);
  res.end(body);
});
server.listen(0, "127.0.0.1", () => console.log((server.address() as AddressInfo).port));
