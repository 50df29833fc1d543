// A request refused before its body was read (a tarball declared too large, a publisher without rights): the body
// is read and thrown away before the answer goes, up to a bound. Answering mid-upload lets the connection close
// under the client while it still writes, and the client then sees EPIPE instead of the 4xx that says why.
import type { IncomingMessage } from "node:http";

/** Past this, the client is not waited for: its connection may break, which a body this large has earned. */
const DRAIN_AT_MOST_BYTES = 64 * 1024 * 1024;

export function drainBody(req: IncomingMessage, atMost = DRAIN_AT_MOST_BYTES): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const done = () => {
      req.off("data", onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > atMost) done();
    };
    req.on("data", onData);
    req.once("end", done);
    req.once("close", done);
    req.once("error", done);
    req.resume();
  });
}
