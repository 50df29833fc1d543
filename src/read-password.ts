// Reading a password for the CLI: typed at a terminal without echo (twice, to catch typos), or the
// first line of stdin when it is not a terminal (scripts: `echo "$PW" | npx wharf user passwd alice`).

/** The first line of a stream that is not a terminal. */
async function firstLine(input: NodeJS.ReadStream): Promise<string> {
  let text = "";
  for await (const chunk of input) {
    text += String(chunk);
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0];
}

/** One line typed at a terminal, not echoed. Ctrl-C and Ctrl-D give up. */
function typed(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.setEncoding("utf8");
    let text = "";
    const done = (err?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off("data", onData);
      output.write("\n");
      if (err) reject(err);
      else resolve(text);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") return done();
        if (char === "\u0003" || char === "\u0004") return done(new Error("No password given."));
        if (char === "\u007f" || char === "\b") text = text.slice(0, -1);
        else if (char >= " ") text += char;
      }
    };
    input.on("data", onData);
  });
}

export async function readPassword(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  if (!input.isTTY) return firstLine(input);
  const password = await typed("Password: ", input, output);
  if ((await typed("The same again: ", input, output)) !== password) throw new Error("The two passwords differ; nothing was changed.");
  return password;
}
