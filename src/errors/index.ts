// `import { WharfError } from ".../errors"`: the catalogue and its three renderings.
export * from "./catalogue";
export * from "./jsr";
export * from "./atom";
export * from "./graphql";
export * from "./dialect";
export * from "./publish";
