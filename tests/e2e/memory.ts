// Memory of the launched Chromium, from /proc: the proportional set size (PSS: shared pages
// split between the processes that share them) summed over every browser process.
import { readdirSync, readFileSync } from "node:fs";

/** The processes descending from `root` (Playwright launches Chromium from the test worker). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const out: number[] = [];
  const todo = [...(children.get(root) ?? [])];
  while (todo.length) {
    const p = todo.pop()!;
    out.push(p);
    todo.push(...(children.get(p) ?? []));
  }
  return out;
}

function pss(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Chromium's process type from its command line: browser, renderer, gpu-process, utility… */
function kind(pid: number): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmd.match(/--type=([\w-]+)/)?.[1] ?? "browser";
  } catch {
    return "?";
  }
}

/** PSS by process type (bytes) of all Chromium processes now; null where /proc is not available. */
export function browserPssByKind(): Map<string, number> | null {
  try {
    const pids = descendants(process.pid).filter((p) => {
      try {
        return /chrom/i.test(readFileSync(`/proc/${p}/comm`, "utf8"));
      } catch {
        return false;
      }
    });
    if (pids.length === 0) return null;
    const by = new Map<string, number>();
    for (const p of pids) by.set(kind(p), (by.get(kind(p)) ?? 0) + pss(p));
    return by;
  } catch {
    return null;
  }
}

/** Bytes of PSS of all Chromium processes now; null where /proc is not available. */
export function browserPss(): number | null {
  const by = browserPssByKind();
  return by === null ? null : [...by.values()].reduce((a, b) => a + b, 0);
}

/** Samples browserPss() every `ms` until stop(); reports the baseline and the peak. */
export function sampleMemory(ms = 200) {
  const first = browserPssByKind();
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const baseline = first === null ? null : sum(first);
  let peak = baseline ?? 0;
  let atPeak = first;
  const sample = () => {
    const now = browserPssByKind();
    if (now !== null && sum(now) > peak) {
      peak = sum(now);
      atPeak = now;
    }
  };
  const timer = setInterval(sample, ms);
  return {
    baseline,
    stop() {
      clearInterval(timer);
      sample();
      const MB = 1024 * 1024;
      // What grew, by process type, from the baseline to the peak.
      const growth = [...(atPeak ?? new Map<string, number>())]
        .map(([k, v]) => `${k} ${((v - (first?.get(k) ?? 0)) / MB).toFixed(0)} MB`)
        .join(", ");
      return { baseline, peak, overBaseline: baseline === null ? null : peak - baseline, growth };
    },
  };
}
