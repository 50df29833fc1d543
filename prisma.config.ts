// The Prisma CLI (generate, migrate deploy) runs on the JS engine through the
// pg driver adapter, so that it never needs to download an engine binary.
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // A short idle timeout lets the CLI exit as soon as it is done, instead of
    // holding its pool open for pg's default 10 s.
    return new PrismaPg({ connectionString: process.env.DATABASE_URL!, idleTimeoutMillis: 50 });
  },
});
