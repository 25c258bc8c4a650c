#!/usr/bin/env node
// `npm test`: prepares the machine, then runs lint, typecheck, the bundle budget, the packaging check and
// every test runner, and ends with one line CI reads: "N passed, N failed". Every step runs even after a
// failure, so one report shows everything; the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies, ensurePnpm, log, root } from './bootstrap.mjs';

const pnpm = ensurePnpm();
ensureDependencies(pnpm);
ensureChromium();

const reports = join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Vitest's JSON report: failed files with no failed test (an import error) count as one failure each. */
function vitestCounts(path) {
  const report = readJson(path);
  if (!report) return undefined;
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles + report.numPendingTests,
  };
}

/** Playwright's JSON report: flaky tests passed on retry, which we do not allow, so they count as failed. */
function playwrightCounts(path) {
  const report = readJson(path);
  if (!report) return undefined;
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected, failed: unexpected + flaky + skipped + (report.errors?.length ?? 0) };
}

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
    counts: () => readJson(join(reports, 'packaging.json')),
  },
  {
    name: 'vitest (unit, jsdom, server, browser, stories)',
    command: bin('vitest'),
    args: [
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(reports, 'vitest.json')}`,
    ],
    counts: () => vitestCounts(join(reports, 'vitest.json')),
  },
  {
    // 50 concurrent 5 MiB uploads and 20 refused oversize bodies against the server as its own process;
    // figures in reports/load.json. Run alone, after the other suites, so the machine is quiet.
    name: 'load (pnpm test:load)',
    command: bin('vitest'),
    args: [
      'run',
      '--config',
      'tests/load/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(reports, 'load-vitest.json')}`,
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
    name: 'playwright (end to end)',
    command: bin('playwright'),
    args: ['test'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright.json') },
    optional: 'playwright.config.ts',
    counts: () => playwrightCounts(join(reports, 'playwright.json')),
  },
];

let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  if (step.optional && !existsSync(join(root, step.optional))) continue;
  log(`${step.name}…`);
  const { ok, seconds } = run(step.command, step.args, step.env);
  const counts = step.counts?.() ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  // A runner that exits non-zero with every test green (a crash, an unhandled error) still fails.
  if (!ok && counts.failed === 0) counts.failed = 1;
  passed += counts.passed;
  failed += counts.failed;
  summary.push(
    `  ${ok ? '✓' : '✗'} ${step.name}: ${counts.passed} passed, ${counts.failed} failed (${seconds} s)`,
  );
}
console.log(`\n${summary.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
