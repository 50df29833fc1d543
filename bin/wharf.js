#!/usr/bin/env node
// The `wharf` command; `npm install` and `npm run build` compile what it runs.
require("../dist/src/cli.js").cliMain();
