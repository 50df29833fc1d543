// `npm run schema:emit`: writes schema.graphql from the code. A test fails when the committed file is stale.
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { printSchema } from "graphql";
import { buildWharfSchema } from "./schema";

export const SCHEMA_PATH = path.resolve(__dirname, "..", "..", "..", "schema.graphql");

export async function printWharfSchema(): Promise<string> {
  return printSchema(await buildWharfSchema()) + "\n";
}

if (require.main === module) {
  printWharfSchema().then((sdl) => {
    fs.writeFileSync(SCHEMA_PATH, sdl);
    console.log(`wrote ${SCHEMA_PATH}`);
  });
}
