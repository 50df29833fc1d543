// Tells those who keep copies of a package's data (the registry's cache) that
// it changed: a version published or yanked, settings updated.
import { createSignal } from "../shared/signal";

const changed = createSignal<[scope: string, name: string]>();

export function packageChanged(scope: string, name: string): void {
  changed.emit(scope, name);
}

export const onPackageChanged = changed.on;
