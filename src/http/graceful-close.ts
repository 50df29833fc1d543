// Closing the HTTP server gracefully: every request in flight is answered, then every connection goes at once.
// server.close() alone leaves a keep-alive connection whose response was still being sent to wait out its idle
// timeout (65 s) after that response: a stop that took a minute while a browser held a connection.
//
// While the server stops, the connections that have become idle (their last response sent, no request begun) are
// closed every few milliseconds, until none is left. Nothing is done per request for a stop that may never come: a
// closure and a once-wrapper on every response cost the smallest cached answers a tenth of their CPU, and even one
// listener shared by all was a second 'request' listener and an event per response.
import type http from "node:http";

const IDLE_CHECK_MS = 10;

export function gracefulCloser(server: http.Server): { close(): Promise<void> } {
  return {
    close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Node skips a connection whose response is unfinished, and one in the middle of reading a request.
      server.closeIdleConnections();
      const closing = setInterval(() => server.closeIdleConnections(), IDLE_CHECK_MS);
      return closed.finally(() => clearInterval(closing));
    },
  };
}
