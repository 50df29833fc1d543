// A real OpenID provider for tests: oidc-provider (certified), on a loopback port, with its development
// login and consent pages. oidc-provider is an ES module, which jest's CommonJS cannot load: tests run this
// as a child process (oidc.ts beside it). It prints {"issuer"} once listening, then reads JSON lines on stdin:
//   {"redirectUri", "clientId", "clientSecret"}  registers Wharf as its client and starts answering ("ready");
//   {"accounts": {<subject>: {claims}}}          sets who may sign in (the login form's login is the subject).
import http from "node:http";
import readline from "node:readline";
import Provider from "oidc-provider";

const accounts = {};
const server = http.createServer((_req, res) => {
  res.statusCode = 503;
  res.end("not ready");
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
console.log(JSON.stringify({ issuer }));

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const message = JSON.parse(line);
  if (message.accounts) {
    Object.assign(accounts, message.accounts);
    console.log(JSON.stringify({ accounts: Object.keys(accounts) }));
  }
  if (message.redirectUri) {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: message.clientId,
          client_secret: message.clientSecret,
          redirect_uris: [message.redirectUri],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      claims: { openid: ["sub"], profile: ["preferred_username", "name"], email: ["email"], groups: ["groups"] },
      findAccount: (_ctx, id) => (accounts[id] ? { accountId: id, claims: () => ({ sub: id, ...accounts[id] }) } : undefined),
      features: { devInteractions: { enabled: true } },
    });
    server.removeAllListeners("request");
    server.on("request", provider.callback());
    console.log(JSON.stringify({ ready: true }));
  }
});
