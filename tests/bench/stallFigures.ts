import type { HeartbeatStalls } from './page/instrumentation';
import { type FigureResult, series } from './stats';

/**
 * The portable twin of a long-task row: the worst main-thread stall the page's 16 ms heartbeat saw over
 * the same runs (its longest gap less 16 ms), in every engine — long-task observers exist only in
 * Chromium. Met when no gap exceeded 50 ms in any run, the long-task rows' threshold.
 */
export function stallFigure(
  id: string,
  what: string,
  runs: readonly HeartbeatStalls[],
  baseline?: { label: string; runs: readonly HeartbeatStalls[] },
): FigureResult {
  const worst = series(runs.map((run) => run.worstStallMs));
  const over50 = series(runs.map((run) => run.stallsOver50));
  return {
    id,
    title: `worst main-thread stall (16 ms heartbeat's longest gap − 16 ms) ${what}`,
    unit: 'ms',
    how: 'In the page: a setTimeout chain asking for a beat every 16 ms runs throughout; the longest gap between beats within each run, less 16 ms, and the gaps over 50 ms. Works in every engine.',
    subject: worst,
    ...(baseline && {
      baseline: { label: baseline.label, ...series(baseline.runs.map((run) => run.worstStallMs)) },
    }),
    goal: 'no gap > 50 ms',
    met: over50.max === 0,
    extra: {
      gapsOver50: over50,
      ...(baseline && { baselineGapsOver50: series(baseline.runs.map((run) => run.stallsOver50)) }),
    },
  };
}
