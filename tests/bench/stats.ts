/** Why long-task rows are Chromium's alone; their heartbeat twins (`….h`, stallFigures.ts) run everywhere. */
export const LONG_TASKS_ONLY_IN_CHROMIUM = 'PerformanceObserver "longtask" exists only in Chromium';

/** A series of measured runs (warm-ups excluded). */
export interface Series {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function series(runs: readonly number[]): Series {
  if (runs.length === 0) throw new Error('no runs');
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number, runs: [...runs] };
}

export type Unit = 'ms' | 'count' | 'ratio' | 'KB' | 'MiB';

export interface FigureResult {
  /** "1", "2a", "4b"… */
  id: string;
  title: string;
  unit: Unit;
  subject: Series;
  /** What the figure is compared with, measured in the same run (its own unit when it differs). */
  baseline?: { label: string; unit?: Unit } & Series;
  /** How it is measured, in a sentence or two (for reports/bench.json). */
  how?: string;
  /** Defined per figure (see `ratioOf`); undefined where no ratio makes sense. */
  ratio?: number;
  ratioOf?: string;
  goal: string;
  /** undefined: informational row, no goal. */
  met?: boolean;
  notes?: string[];
  extra?: Record<string, unknown>;
  /** Set on rows only Chromium can measure (long-task observers): why, for the engines that skip them. */
  chromiumOnly?: string;
  /** Set when only the goal needs Chromium (it counts long tasks): elsewhere the row is informational. */
  goalChromiumOnly?: string;
  /** CPU other processes used while the figure ran, in cores (Linux only). */
  otherProcessesCores?: number;
}

function number(value: number, unit: Unit): string {
  if (unit === 'count') return Number.isInteger(value) ? String(value) : value.toFixed(1);
  if (unit === 'KB') return `${value.toFixed(2)} KB`;
  if (unit === 'MiB') return `${value.toFixed(1)} MiB`;
  if (unit === 'ratio') return `${value.toFixed(2)}×`;
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${Math.round(value)} ms`;
}

function formatRatio(ratio: number): string {
  if (ratio === 0 || ratio >= 0.1) return ratio.toFixed(2);
  return ratio.toPrecision(2);
}

/** The table `pnpm bench` prints: one line per figure, its goal and whether it is met. */
export function formatTable(figures: readonly FigureResult[]): string {
  const header = ['#', 'figure', 'median', 'min–max', 'baseline (median)', 'ratio', 'goal', 'met?'];
  const rows = figures.map((figure) => {
    const { subject, baseline, unit } = figure;
    const range = subject.runs.length > 1 ? `${number(subject.min, unit)}–${number(subject.max, unit)}` : '';
    return [
      figure.id,
      figure.title,
      number(subject.median, unit),
      range,
      baseline ? `${baseline.label}: ${number(baseline.median, baseline.unit ?? unit)}` : '',
      figure.ratio === undefined ? '' : `${formatRatio(figure.ratio)}×`,
      figure.goal,
      figure.met === undefined ? 'info' : figure.met ? 'MET' : 'NOT MET',
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column] as number)).join(' │ ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('─┼─'), ...rows.map(line)].join('\n');
}
