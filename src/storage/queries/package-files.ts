// Adding a version's file list: one INSERT per batch of thousands of files, as three arrays unnested, where
// Prisma's createMany would send every value as its own parameter.
import type { Tx } from "../database";

export interface StoredFile {
  path: string;
  size: number;
  sha256: string;
}

/** Records these files of a version (one batch; the caller splits a big version). */
export async function insertPackageFiles(tx: Tx, version: { scope: string; name: string; version: string }, files: readonly StoredFile[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO package_files (scope, name, version, path, size, sha256)
    SELECT ${version.scope}, ${version.name}, ${version.version}, f.path, f.size, f.sha256
    FROM unnest(${files.map((f) => f.path)}::text[], ${files.map((f) => f.size)}::int[], ${files.map((f) => f.sha256)}::text[]) AS f(path, size, sha256)`;
}
