// What a request gets while Wharf opens its database and builds its app: a prompt 503, never a hang.
import type { IncomingMessage, ServerResponse } from "node:http";

export function answerWhileStarting(_req: IncomingMessage, res: ServerResponse): void {
  const body = JSON.stringify({ code: "starting", message: "Wharf is starting; try again in a moment." });
  res.writeHead(503, { "Content-Type": "application/json", "Retry-After": "1", Connection: "close" });
  res.end(body);
}
