#!/usr/bin/env node
// `npm run test:chromium` / `test:firefox` / `test:webkit`: one engine's share of the browser tests (every
// `…@engine` Vitest project, scripts/engines.ts), installing the engine first where it is missing, and the
// closing line "N passed, N failed, N skipped" (each skipped test named above it, with its reason).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, ensureEngines, ensurePnpm, root } from './bootstrap.mjs';
import { engineStep, runSteps } from './steps.mjs';

const engine = process.argv[2];
if (!['chromium', 'firefox', 'webkit'].includes(engine)) {
  console.error('usage: node scripts/test-engine.mjs chromium|firefox|webkit');
  process.exit(2);
}
ensureDependencies(ensurePnpm());
ensureEngines([engine]);
const reports = join(root, 'reports');
mkdirSync(reports, { recursive: true });
// Anything after the engine narrows the run, as vitest's file filters: `npm run test:webkit -- persist`.
const { failed } = runSteps([engineStep(engine, reports, process.argv.slice(3))]);
process.exit(failed > 0 ? 1 : 0);
