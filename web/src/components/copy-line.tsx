import { useState } from "react";

/** A command to copy, e.g. `deno add jsr:@scope/name`, with a button that copies it. */
export function CopyLine({ command, label }: { command: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
    } catch {
      // No clipboard API (an insecure origin): copy through a selection instead.
      const area = document.createElement("textarea");
      area.value = command;
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <div className="copy-line">
      <code>{command}</code>
      <button type="button" onClick={copy} aria-label={`Copy ${label}`}>
        {copied ? "Copied" : "Copy"}
      </button>
      <span className="visually-hidden" role="status">
        {copied ? "Copied to the clipboard" : ""}
      </span>
    </div>
  );
}
