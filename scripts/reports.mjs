// Counts from the runners' JSON reports, for the plain lines CI reads ("N passed, N failed, N skipped").
// A test counts as skipped only when it was skipped by name with a reason (tests/browser/engine.ts's
// skipIn, Playwright's test.skip(condition, reason)); any other skipped or pending test counts as failed,
// so nothing is skipped silently.
import { readFileSync } from 'node:fs';

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A report that is already `{ passed, failed }` (scripts/check-packaging.mjs's). */
export function plainCounts(path) {
  const report = readJson(path);
  return report && { passed: report.passed, failed: report.failed };
}

/**
 * Vitest's JSON report. Failed files with no failed test (an import error) count as one failure each.
 * `label` prefixes each skipped test's name (e.g. the engine).
 */
export function vitestCounts(path, label) {
  const report = readJson(path);
  if (!report) return undefined;
  let passed = 0;
  let failed = 0;
  const skipped = [];
  for (const file of report.testResults) {
    const tests = file.assertionResults;
    if (file.status === 'failed' && !tests.some((test) => test.status === 'failed')) failed++;
    for (const test of tests) {
      if (test.status === 'passed') passed++;
      else if (test.status === 'failed') failed++;
      else if (test.meta?.skipReason) {
        skipped.push({
          name: [label, test.fullName].filter(Boolean).join(' › '),
          reason: test.meta.skipReason,
        });
      } else failed++;
    }
  }
  return { passed, failed, skipped };
}

/** Playwright's JSON report: flaky tests passed on retry, which we do not allow, so they count as failed. */
export function playwrightCounts(path) {
  const report = readJson(path);
  if (!report) return undefined;
  let passed = 0;
  let failed = report.errors?.length ?? 0;
  const skipped = [];
  const visit = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const name = [test.projectName, ...titles, spec.title].filter(Boolean).join(' › ');
        const reason = test.annotations?.find((annotation) => annotation.type === 'skip')?.description;
        if (test.status === 'expected') passed++;
        else if (test.status === 'skipped' && reason) skipped.push({ name, reason });
        else failed++;
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...titles, child.title]);
  };
  for (const suite of report.suites ?? []) visit(suite, []);
  return { passed, failed, skipped };
}

/** "N passed, N failed" and, when there are skips, ", N skipped". */
export function countLine({ passed, failed, skipped = [] }) {
  return `${passed} passed, ${failed} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`;
}

/** Each skipped test's name and reason, one a line. */
export function skippedLines(skipped) {
  return skipped.map(({ name, reason }) => `  - skipped: ${name} — ${reason}`);
}
