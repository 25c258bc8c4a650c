#!/usr/bin/env node
// `npm test`: prepares the machine, then runs lint, typecheck, the bundle budget, the packaging check and
// every test runner — the browser tests in Chromium, Firefox ESR and WebKitGTK one engine after another —
// and ends with one line CI reads: "N passed, N failed, N skipped" (each skipped test is named above it,
// with its reason). Every step runs even after a failure, so one report shows everything; the exit code
// is non-zero if anything failed.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, ensureEngines, ensurePnpm, root } from './bootstrap.mjs';
import { plainCounts, playwrightCounts, vitestCounts } from './reports.mjs';
import { bin, engineStep, runSteps, vitestReport, webkitJourneyStep } from './steps.mjs';

const pnpm = ensurePnpm();
ensureDependencies(pnpm);
ensureEngines(['chromium', 'firefox', 'webkit']);

const reports = join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  { name: 'lint (biome)', command: bin('biome'), args: ['check', '.'] },
  { name: 'typecheck (tsc)', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  {
    name: 'bundle budget',
    command: process.execPath,
    args: ['scripts/bundle-budget.mjs'],
    optional: 'scripts/bundle-budget.mjs',
  },
  {
    // Builds and packs the packages, then publint, attw, the README snippets in a fresh strict app,
    // 'use client' and tree-shaking, as a new user would meet them (scripts/check-packaging.mjs).
    name: 'packaging',
    command: process.execPath,
    args: ['scripts/check-packaging.mjs'],
    counts: () => plainCounts(join(reports, 'packaging.json')),
  },
  {
    // Every project but the browser tests' engines (`…@engine`), which run next, one engine at a time.
    name: 'vitest (unit, jsdom, server, integration, stories)',
    command: bin('vitest'),
    args: ['run', '--project', '!*@*', ...vitestReport(join(reports, 'vitest.json'))],
    counts: () => vitestCounts(join(reports, 'vitest.json')),
  },
  // The browser tests in Chromium, Firefox ESR and WebKitGTK, one after another (two cores).
  engineStep('chromium', reports),
  engineStep('firefox', reports),
  engineStep('webkit', reports),
  {
    // 50 concurrent 5 MiB uploads and 20 refused oversize bodies against the server as its own process;
    // figures in reports/load.json. Run alone, after the other suites, so the machine is quiet.
    name: 'load (pnpm test:load)',
    command: bin('vitest'),
    args: [
      'run',
      '--config',
      'tests/load/vitest.config.ts',
      ...vitestReport(join(reports, 'load-vitest.json')),
    ],
    counts: () => vitestCounts(join(reports, 'load-vitest.json')),
  },
  {
    // The end-to-end tests run the built server and demo, as `npm start` does (JavaScript only).
    name: 'build for end to end',
    command: process.execPath,
    args: ['scripts/build.mjs', '--no-types'],
  },
  {
    // The demo in Chromium and Firefox (playwright.config.ts's two projects).
    name: 'playwright (end to end)',
    command: bin('playwright'),
    args: ['test'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright.json') },
    optional: 'playwright.config.ts',
    counts: () => playwrightCounts(join(reports, 'playwright.json')),
  },
  // The demo's main journey in WebKitGTK, which Playwright cannot drive.
  webkitJourneyStep(reports),
];

const { failed } = runSteps(steps);
process.exit(failed > 0 ? 1 : 0);
