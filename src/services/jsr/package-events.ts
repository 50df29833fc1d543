// Tells those who keep copies of a package's data (the registry's cache) that
// it changed: a version published or yanked, settings updated.
import { EventEmitter } from "node:events";

const events = new EventEmitter();

export function packageChanged(scope: string, name: string): void {
  events.emit("changed", scope, name);
}

export function onPackageChanged(listener: (scope: string, name: string) => void): () => void {
  events.on("changed", listener);
  return () => events.off("changed", listener);
}
