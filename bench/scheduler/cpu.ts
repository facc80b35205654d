// Where the CPU goes while a phase runs: the machine's busy time from /proc/stat and the CPU time
// of named process groups (a process and its descendants) from /proc/<pid>/stat, like `top`
// summed over the phase. Linux only; elsewhere the figures are empty.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  ppid: number;
  /** user + system, seconds. */
  cpu: number;
  /** The same for its children that exited and were waited for. */
  reaped: number;
}

function readProcs(): Map<number, ProcStat> {
  const procs = new Map<number, ProcStat>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return procs;
  }
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (a: number, b: number) =>
        (Number(fields[a]) + Number(fields[b])) / ticksPerSecond;
      procs.set(Number(name), {
        ppid: Number(fields[1]),
        cpu: seconds(11, 12),
        reaped: seconds(13, 14),
      });
    } catch {
      // Gone meanwhile.
    }
  }
  return procs;
}

/** Busy and total CPU seconds of the whole machine since boot. */
function machineTimes(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const values = line.split(/\s+/).slice(1, 9).map(Number);
    const total = values.reduce((a, b) => a + b, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return { busy: (total - idle) / ticksPerSecond, total: total / ticksPerSecond };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/**
 * A group of processes: `roots` and their descendants; `alone`, the roots only; `reaped`, the
 * roots' children that exited and were waited for (a load generator run to its end).
 */
export interface Group {
  roots: number[];
  alone?: boolean;
  reaped?: boolean;
}

/** CPU seconds of each process of the group, by pid. */
function groupTimes(
  procs: Map<number, ProcStat>,
  { roots, alone, reaped }: Group,
): Map<number, number> {
  const times = new Map<number, number>();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of procs) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const pending = roots.filter((pid) => procs.has(pid));
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    if (times.has(pid)) continue;
    const stat = procs.get(pid);
    times.set(pid, (reaped ? stat?.reaped : stat?.cpu) ?? 0);
    if (!alone && !reaped) pending.push(...(children.get(pid) ?? []));
  }
  return times;
}

export interface CpuSplit {
  seconds: number;
  /** Busy share of the whole machine, in cores (2 = both cores busy all along). */
  machineCores: number;
  /** Per group, in cores. */
  groups: Record<string, number>;
}

/**
 * Starts measuring; `end()` gives the split since. `groups` gives the groups (read
 * at the start and at the end, so a process started meanwhile, like a load generator, counts).
 */
export function measureCpu(groups: () => Record<string, Group>) {
  const startedAt = performance.now();
  const machineBefore = machineTimes();
  const procs = readProcs();
  const before = new Map(
    Object.entries(groups()).map(([name, group]) => [name, groupTimes(procs, group)]),
  );
  return {
    end(): CpuSplit {
      const seconds = (performance.now() - startedAt) / 1000;
      const machineAfter = machineTimes();
      const now = readProcs();
      const split: Record<string, number> = {};
      for (const [name, group] of Object.entries(groups())) {
        const earlier = before.get(name) ?? new Map<number, number>();
        let cpu = 0;
        // A process that exited meanwhile loses its time: the groups are long-lived ones.
        for (const [pid, time] of groupTimes(now, group)) cpu += time - (earlier.get(pid) ?? 0);
        split[name] = cpu / seconds;
      }
      return {
        seconds,
        machineCores: (machineAfter.busy - machineBefore.busy) / seconds,
        groups: split,
      };
    },
  };
}

/** A group's CPU per event (an execution) over the phase, in microseconds; NaN when none. */
export function microsecondsEach(split: CpuSplit, group: string, events: number): number {
  const cores = split.groups[group];
  if (cores === undefined || events === 0) return Number.NaN;
  return (cores * split.seconds * 1e6) / events;
}

/** "1.62 of 2 cores busy: meridian 0.71, postgres 0.64, ..., other processes 0.05". */
export function describeCpu(split: CpuSplit): string {
  const ours = Object.values(split.groups).reduce((a, b) => a + b, 0);
  const parts = Object.entries(split.groups).map(([name, cores]) => `${name} ${cores.toFixed(2)}`);
  const others = Math.max(0, split.machineCores - ours);
  return (
    `${split.machineCores.toFixed(2)} of ${os.availableParallelism()} cores busy: ` +
    `${parts.join(', ')}, other processes ${others.toFixed(2)}`
  );
}
