// Starts test/support/oidc-provider.mjs (a real oidc-provider) for a test, and talks to it.
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

export interface ProviderAccount {
  preferred_username?: string;
  name?: string;
  email?: string;
  groups?: string[];
}

export interface TestProvider {
  issuer: string;
  /** Registers the relying party (Wharf) and starts answering. */
  register(client: { redirectUri: string; clientId: string; clientSecret: string }): Promise<void>;
  /** Sets (or changes) the accounts that may sign in, by subject. */
  setAccounts(accounts: Record<string, ProviderAccount>): Promise<void>;
  stop(): Promise<void>;
}

export async function startProvider(): Promise<TestProvider> {
  const child = spawn(process.execPath, [path.join(__dirname, "oidc-provider.mjs")], { stdio: ["pipe", "pipe", "pipe"] });
  const stderr: string[] = [];
  child.stderr!.on("data", (c: Buffer) => stderr.push(c.toString()));
  const waiting: Array<{ key: string; resolve: (value: Record<string, unknown>) => void }> = [];
  readline.createInterface({ input: child.stdout! }).on("line", (line) => {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line);
    } catch {
      return;
    }
    const at = waiting.findIndex((w) => w.key in message);
    if (at >= 0) waiting.splice(at, 1)[0].resolve(message);
  });
  const next = (key: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      waiting.push({ key, resolve });
      child.once("exit", (code) => reject(new Error(`the OpenID provider exited (${code}):\n${stderr.join("")}`)));
    });
  const { issuer } = await next("issuer");
  const tell = async (message: unknown, answer: string) => {
    const answered = next(answer);
    child.stdin!.write(`${JSON.stringify(message)}\n`);
    await answered;
  };
  return {
    issuer: String(issuer),
    register: (client) => tell(client, "ready"),
    setAccounts: (accounts) => tell({ accounts }, "accounts"),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
