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

export interface Report {
  input_bytes: number;
  output_bytes: number;
  lossy_input: boolean;
  findings: number;
  counts: Record<Category, number>;
  allowlisted: number;
  residual: number;
  residuals: { start: number; end: number; category: Category; kind: string }[];
}

export interface SanitizeResult {
  text: string;
  findings: Finding[];
  mapping: { replacement: string; original: string; category: Category }[];
  report: Report;
}

/** Page → worker. */
export type Request =
  | { type: "sanitize"; id: number; text: string; policy: string };

/** Worker → page. */
export type Response =
  | { type: "ready"; version: string }
  | { type: "result"; id: number; result: SanitizeResult; millis: number }
  | { type: "error"; id: number | null; message: string; fatal: boolean };
