// `deno publish` in a pseudo-terminal (script(1), util-linux): deno offers the device flow and waits for a missing
// package (/new) only on a terminal. Its output is read as it comes, for the links it prints.
import { spawn } from "node:child_process";
import path from "node:path";

const DENO = path.resolve(__dirname, "..", "..", "node_modules", "deno", "deno");

export interface DenoInTerminal {
  exited: Promise<number | null>;
  output(): string;
  /** Ends it if it still runs. */
  kill(): void;
  /** The first match of the pattern in the output, once it is there; fails if deno exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
}

export function denoPublishInTerminal(dir: string, env: Record<string, string | undefined>): DenoInTerminal {
  // Its own process group, so that deno goes with script(1) when the test ends early.
  const child = spawn("script", ["-qfec", `${DENO} publish`, "/dev/null"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const waiters: Array<() => void> = [];
  const read = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    for (const wake of waiters.splice(0)) wake();
  };
  child.stdout.on("data", read);
  child.stderr.on("data", read);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return {
    exited,
    output: () => output,
    kill: () => {
      // script(1) gone, the terminal closes and deno (in script's own session) is hung up on.
      if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
    },
    async waitFor(pattern) {
      for (;;) {
        const match = pattern.exec(output);
        if (match) return match;
        const more = new Promise<void>((resolve) => waiters.push(resolve));
        const code = await Promise.race([more.then(() => undefined), exited.then((c) => ({ c }))]);
        if (code && !pattern.exec(output)) throw new Error(`deno publish exited (${code.c}) before printing ${pattern}:\n${output}`);
      }
    },
  };
}
