// The message protocol between the page and the worker. The page only renders; the worker
// owns the wasm engine.

export type Category = string;

export interface Finding {
  category: Category;
  rule: string;
  label: string;
  start: number;
  end: number;
  start_utf16: number;
  end_utf16: number;
  reason: string;
  replacement: string;
  value?: string;
}

export interface Residual {
  start: number;
  end: number;
  category: Category;
  kind: string;
}

export interface Report {
  input_bytes: number;
  output_bytes: number;
  lossy_input: boolean;
  findings: number;
  counts: Record<Category, number>;
  allowlisted: number;
  residual: number;
  residuals: Residual[];
  /** Copies of replaced values and detections made possible by replacement, replaced by the leak check. */
  leak_replaced: number;
  /** What was taken out as internal notes, and how many bytes and lines of input they held. */
  notes_removed?: { count: number; bytes: number; lines: number };
  notices?: string[];
  strategy_counts?: Record<string, number>;
  not_restorable?: Category[];
  policy_fingerprint?: string;
  input_sha256?: string;
  output_sha256?: string;
  /** Per finding: where and how (the worker drops any `value` before the page sees it). */
  finding_list?: ReportFinding[];
}

export interface ReportFinding {
  category: Category;
  rule: string;
  strategy: string;
  start: number;
  end: number;
}

export interface MappingEntry {
  replacement: string;
  original: string;
  category: Category;
}

/** The mapping file the CLI's `restore` reads. */
export interface Mapping {
  version: number;
  entries: MappingEntry[];
}

export interface SanitizeResult {
  text: string;
  findings: Finding[];
  /** How the worker sends `findings` (the page unpacks them on arrival). */
  packed?: PackedFindings;
  mapping: Mapping;
  report: Report;
  /** The decoded text the findings point into, when it is not the input (encoded emails). */
  scanned?: string;
  /** The report file as the worker wrote it (no original value; see report.ts). */
  reportFile?: string;
}

/** The end of a streamed (big file) run: no per-finding list, the output as a Blob. */
export interface StreamSummary {
  blob: Blob;
  findings: number;
  /** The full report and the mapping as JSON files (big: they stay off the main thread). */
  reportBlob: Blob;
  mappingBlob: Blob;
  /** The report without its per-finding list. */
  report: Report;
}

export interface CategoryInfo {
  id: string;
  label: string;
  default_enabled: boolean;
}

/** "Always keep / redact" decisions kept in the browser: keyed hashes (HMAC-SHA-256, hex, of
 * the lower-cased value) and the value's length in UTF-16 units, never the value. */
export interface RememberedRule {
  h: string;
  n: number;
  /** `bucket()` of the value: lets the worker skip the HMAC of almost every candidate. */
  b: number;
}

/** The FNV seed of `bucket()`, from the first bytes of the HMAC key (base64). */
export function seedOf(key: string): number {
  const k = atob(key);
  return (k.charCodeAt(0) | (k.charCodeAt(1) << 8) | (k.charCodeAt(2) << 16) | (k.charCodeAt(3) << 24)) ^ 0x811c9dc5;
}

/** A 16-bit keyed bucket (FNV-1a from a key-derived seed) of the lower-cased `s[from..to]`:
 * a cheap filter before the HMAC; 16 bits say next to nothing about a value. */
export function bucket(seed: number, s: string, from = 0, to = s.length): number {
  let h = seed;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 16;
}

export interface Remembered {
  /** The HMAC key (base64), random per browser. */
  key: string;
  keep: RememberedRule[];
  redact: RememberedRule[];
}

/** Values of the text that match remembered hashes (in memory only). */
export interface Recalled {
  keep: string[];
  redact: string[];
}

/** Page → worker. */
export type Request =
  | { type: "sanitize"; id: number; text: string; policy: string; key: string; remembered?: Remembered }
  | { type: "file"; id: number; file: File; policy: string; key: string; reviewLimit: number; remembered?: Remembered }
  | { type: "cancel"; id: number }
  | { type: "restore"; id: number; text: string; mapping: string }
  | { type: "zip"; id: number; entries: { name: string; data: Blob }[] };

/** Worker → page. */
export type Response =
  | { type: "ready"; version: string; categories: CategoryInfo[]; strategies: string[] }
  | { type: "result"; id: number; result: SanitizeResult; millis: number; source?: string; name?: string; recalled?: Recalled }
  | { type: "progress"; id: number; loaded: number; total: number; millis: number; pass: number; passes: number }
  | { type: "summary"; id: number; summary: StreamSummary; millis: number; name?: string }
  | { type: "restored"; id: number; text: string; unknown: string[] }
  | { type: "zipped"; id: number; blob: Blob }
  | { type: "error"; id: number | null; message: string; fatal: boolean };

const NUMS = ["start", "end", "start_utf16", "end_utf16"] as const;
const STRS = ["category", "rule", "label", "reason", "replacement", "value"] as const;

/** Findings as columns: numbers in typed arrays, strings as indexes into a table of distinct
 * strings. Tens of thousands of finding objects take seconds to receive on the page's thread;
 * these few arrays take milliseconds. */
export interface PackedFindings {
  n: number;
  nums: Float64Array[];
  strs: Uint32Array[];
  table: string[];
}

export function packFindings(fs: Finding[]): PackedFindings {
  const table: string[] = [];
  const index = new Map<string | undefined, number>([[undefined, 0xffffffff]]);
  const id = (s: string | undefined) => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = table.push(s as string) - 1));
    return i;
  };
  return {
    n: fs.length,
    nums: NUMS.map((k) => Float64Array.from(fs, (f) => f[k])),
    strs: STRS.map((k) => Uint32Array.from(fs, (f) => id(f[k]))),
    table,
  };
}

export function unpackFindings(p: PackedFindings): Finding[] {
  const out: Finding[] = new Array(p.n);
  for (let i = 0; i < p.n; i++) {
    const f = {} as Record<string, unknown>;
    NUMS.forEach((k, j) => (f[k] = p.nums[j][i]));
    STRS.forEach((k, j) => {
      const s = p.strs[j][i];
      if (s !== 0xffffffff) f[k] = p.table[s];
    });
    out[i] = f as unknown as Finding;
  }
  return out;
}
