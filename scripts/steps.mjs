// Runs `npm test`'s steps (and each engine's share of them, scripts/test-engine.mjs): every step runs even
// after a failure, each is counted from its runner's report, and one summary ends the run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { log, root } from './bootstrap.mjs';
import { countLine, skippedLines, vitestCounts } from './reports.mjs';

export const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Vitest's arguments for a report at `path` beside the usual output. */
export const vitestReport = (path) => ['--reporter=default', '--reporter=json', `--outputFile.json=${path}`];

/**
 * The browser tests' share of one engine: every `…@engine` Vitest project (scripts/engines.ts); `filters`
 * (file names) narrow it.
 */
export function engineStep(engine, reports, filters = []) {
  const report = join(reports, `browser-${engine}.json`);
  return {
    name: `browser tests in ${engine}`,
    command: bin('vitest'),
    args: ['run', '--project', `*@${engine}`, ...vitestReport(report), ...filters],
    counts: () => vitestCounts(report, engine),
  };
}

/** The demo's main journey in WebKitGTK through WebdriverIO (needs the built server and demo). */
export function webkitJourneyStep(reports) {
  const report = join(reports, 'journey-webkit.json');
  return {
    name: 'webkit journey (WebdriverIO)',
    command: bin('vitest'),
    args: ['run', '--config', 'tests/e2e-webkit/vitest.config.ts', ...vitestReport(report)],
    counts: () => vitestCounts(report, 'webkit'),
  };
}

function run(command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: result.status === 0, seconds: (Date.now() - started) / 1000 };
}

/**
 * Runs `steps` one after another and prints the summary: a line per step, each skipped test's name and
 * reason, and the closing "N passed, N failed, N skipped". Returns the totals.
 */
export function runSteps(steps) {
  const started = Date.now();
  const total = { passed: 0, failed: 0, skipped: [] };
  const summary = [];
  for (const step of steps) {
    if (step.optional && !existsSync(join(root, step.optional))) continue;
    log(`${step.name}…`);
    const { ok, seconds } = run(step.command, step.args, step.env);
    const counts = { skipped: [], ...(step.counts?.() ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 }) };
    // A runner that exits non-zero with every test green (a crash, an unhandled error) still fails.
    if (!ok && counts.failed === 0) counts.failed = 1;
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped.push(...counts.skipped);
    summary.push(`  ${ok ? '✓' : '✗'} ${step.name}: ${countLine(counts)} (${seconds.toFixed(1)} s)`);
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\n${summary.join('\n')}`);
  if (total.skipped.length) console.log(`\n${skippedLines(total.skipped).join('\n')}`);
  console.log(`\n  (${minutes} min)\n`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped.length} skipped`);
  return total;
}
