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
  /** What was taken out as internal notes, and how many bytes and lines of input they held. */
  notes_removed?: { count: number; bytes: number; lines: number };
  notices?: string[];
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
  mapping: Mapping;
  report: Report;
  /** The decoded text the findings point into, when it is not the input (encoded emails). */
  scanned?: string;
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

/** Page → worker. */
export type Request =
  | { type: "sanitize"; id: number; text: string; policy: string; key: string }
  | { type: "file"; id: number; file: File; policy: string; key: string; reviewLimit: number }
  | { type: "cancel"; id: number }
  | { type: "restore"; id: number; text: string; mapping: string }
  | { type: "zip"; id: number; entries: { name: string; data: Blob }[] };

/** Worker → page. */
export type Response =
  | { type: "ready"; version: string; categories: CategoryInfo[]; strategies: string[] }
  | { type: "result"; id: number; result: SanitizeResult; millis: number; source?: string }
  | { type: "progress"; id: number; loaded: number; total: number; millis: number; pass: number; passes: number }
  | { type: "summary"; id: number; summary: StreamSummary; millis: number }
  | { type: "restored"; id: number; text: string; unknown: string[] }
  | { type: "zipped"; id: number; blob: Blob }
  | { type: "error"; id: number | null; message: string; fatal: boolean };
