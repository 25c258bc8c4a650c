#!/usr/bin/env node
// `pnpm bench`: the performance figures of the issue, measured in Debian chromium through Playwright and
// printed as a table (also written to reports/bench.json). Always exits 0 when the bench itself ran:
// timing goals are informational, and the table says which are met.
//
// The harness is TypeScript (tests/bench/run.ts) and builds the bench page and the reference server from
// the workspace's sources, which Node 20 cannot import by itself; Vite's module runner loads it with the
// workspace's source aliases.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));

const { module: aliases } = await runnerImport(path('./sourceAliases.ts'));
const { module: harness } = await runnerImport(path('../tests/bench/run.ts'), {
  configFile: false,
  logLevel: 'warn',
  resolve: { alias: aliases.sourceAliases },
});
await harness.runBench(process.argv.slice(2));
process.exit(0);
