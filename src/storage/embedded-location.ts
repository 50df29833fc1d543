// Where the embedded database's files go. Normally DATA_DIR/postgres. But when Wharf runs as root, PostgreSQL
// runs as the user "postgres", which must be able to reach its folder: a DATA_DIR under /root or in a 0700
// temporary folder (a container, a fresh VM) is out of its reach. Then the cluster is kept under
// /var/lib/wharf/<digest of DATA_DIR>/postgres instead, and DATA_DIR/postgres-location says where, so that every
// later start (and the CLI) finds it again.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Where clusters go whose DATA_DIR the postgres user cannot reach; tests may point it elsewhere. */
const FALLBACK_ROOT = process.env.WHARF_EMBEDDED_FALLBACK_DIR || "/var/lib/wharf";
const POINTER = "postgres-location";

export interface ClusterLocation {
  dir: string;
  /** Why it is not DATA_DIR/postgres, when it is not. */
  movedBecause?: string;
  /** Makes the folders above it and the pointer in DATA_DIR (when Wharf is about to make the cluster). */
  prepare(): void;
}

export function clusterLocation(dataDir: string, runAs?: { uid: number; gid: number }): ClusterLocation {
  const inside = path.join(dataDir, "postgres");
  const pointer = path.join(dataDir, POINTER);
  if (fs.existsSync(pointer)) {
    return { dir: fs.readFileSync(pointer, "utf8").trim(), movedBecause: `${pointer} points there`, prepare: () => undefined };
  }
  // A cluster that is already inside stays inside; so does everything when postgres can reach DATA_DIR.
  if (!runAs || fs.existsSync(path.join(inside, "PG_VERSION")) || canReach(nearestExisting(dataDir), runAs)) {
    return { dir: inside, prepare: () => undefined };
  }
  const digest = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  const dir = path.join(FALLBACK_ROOT, digest, "postgres");
  return {
    dir,
    movedBecause: `the user "postgres" cannot reach DATA_DIR ${dataDir}`,
    prepare() {
      // Every folder above the cluster must be reachable by postgres: 0755, owned by root.
      fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o755 });
      for (let d = path.dirname(dir); d.length >= FALLBACK_ROOT.length; d = path.dirname(d)) fs.chmodSync(d, 0o755);
      fs.writeFileSync(pointer, dir + "\n");
    },
  };
}

/** The folder itself, or the nearest one above it that exists (DATA_DIR is made with the usual 0755). */
function nearestExisting(dir: string): string {
  return fs.existsSync(dir) || path.dirname(dir) === dir ? dir : nearestExisting(path.dirname(dir));
}

/** Whether that user can enter the folder (every folder above it included), asked of the system itself. */
function canReach(dir: string, user: { uid: number; gid: number }): boolean {
  const result = spawnSync("test", ["-x", dir], { uid: user.uid, gid: user.gid, stdio: "ignore" });
  return result.status === 0;
}
