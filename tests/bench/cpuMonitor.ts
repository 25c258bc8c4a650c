import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_S = 100; // USER_HZ on Linux

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Busy CPU ticks of the whole machine (all cores). */
function machineBusy(): number {
  const cpu = read('/proc/stat')?.split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return user + nice + system + irq + softirq + steal;
}

interface Proc {
  pid: number;
  /** utime + stime, in ticks. */
  ticks: number;
}

/** `root` and every descendant (chromium's processes; the in-process servers share the root). */
function processTree(root: number): Proc[] {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    // Fields after the ")" that closes the command name: state ppid … utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    const ppid = Number(fields[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree: Proc[] = [];
  const stack = [root];
  for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
    tree.push({ pid, ticks: ticks.get(pid) ?? 0 });
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

const treeBusy = (root: number) => processTree(root).reduce((sum, proc) => sum + proc.ticks, 0);

/**
 * Resident anonymous + shared memory of the browser's processes (this process's descendants), in bytes:
 * what the JS heap figure does not see (Blob storage, network buffers). Linux only.
 */
export function browserMemory(): () => number | undefined {
  const pids = processTree(process.pid)
    .map((proc) => proc.pid)
    .filter((pid) => pid !== process.pid);
  return () => {
    if (pids.length === 0) return undefined;
    let bytes = 0;
    for (const pid of pids) {
      const status = read(`/proc/${pid}/status`) ?? '';
      for (const key of ['RssAnon', 'RssShmem']) {
        const kb = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
        bytes += Number(kb ?? 0) * 1024;
      }
    }
    return bytes;
  };
}

/**
 * How much CPU other processes on the machine used while a figure ran (the bench shares 2 cores with
 * whatever else runs): a figure measured while something else was busy is flagged in the report.
 * Linux only; elsewhere it reports nothing.
 */
export function startCpuMonitor() {
  if (!read('/proc/stat')) return { stop: () => undefined };
  const start = { at: performance.now(), machine: machineBusy(), ours: treeBusy(process.pid) };
  return {
    /** Other processes' CPU, in cores (1 = one core busy all along). */
    stop(): number | undefined {
      // Exited children's ticks leave the tree (they move to cutime), so clamp at zero.
      const seconds = (performance.now() - start.at) / 1000;
      const machine = machineBusy() - start.machine;
      const ours = treeBusy(process.pid) - start.ours;
      return Math.max(0, (machine - ours) / TICKS_PER_S / seconds);
    },
  };
}
