// The worker: loads the wasm once, sanitizes on request. All heavy work happens here,
// including reading files in chunks (File.stream() + TextDecoderStream).
import init, { categories, restore, ScrubStream, Scrubber, strategies, version } from "logscrub-wasm";
import { zip } from "./zip";
import { bucket, type CategoryInfo, seedOf, type Mapping, packFindings, type Recalled, type Remembered, type Report, type Request, type Response, type SanitizeResult } from "./protocol";
import { reportJson } from "./report";

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: Response) => self.postMessage(msg);

let scrubber: Scrubber | null = null;
let scrubberPolicy = "";
// After a Rust panic the wasm instance is unusable: refuse further work so the page restarts us.
let broken = false;
/** Files whose reading the page cancelled: checked between chunks. */
const cancelled = new Set<number>();

/**
 * What could reach the network (or persist) from this worker's global scope. The worker holds
 * all the text, and a <meta> CSP does not bind it; so once the engine is loaded (loading needs
 * fetch) these are removed, before any text is accepted, whatever headers the host sends.
 */
export const NETWORK_GLOBALS = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "EventSource",
  "importScripts",
  "Request",
  "WebTransport",
  "Worker",
  "SharedWorker",
  "caches",
  "indexedDB",
  "BroadcastChannel",
  "fetchLater",
] as const;

function lockDown() {
  const g = self as unknown as Record<string, unknown>;
  for (const name of NETWORK_GLOBALS) {
    // Shadow the property on the global object itself (and drop it where it is own and
    // configurable), read-only and non-configurable so no later code can put it back.
    for (let o: object | null = g; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      if (Object.prototype.hasOwnProperty.call(o, name)) {
        if (!Reflect.deleteProperty(o, name) && o === g) throw new Error(`cannot remove ${name}`);
      }
    }
    Object.defineProperty(g, name, { value: undefined, writable: false, configurable: false });
    if (g[name] !== undefined) throw new Error(`cannot remove ${name}`);
  }
  const nav = (self as unknown as { navigator?: Record<string, unknown> }).navigator;
  if (nav && "sendBeacon" in nav) Object.defineProperty(nav, "sendBeacon", { value: undefined, writable: false, configurable: false });
}

const ready = init({ module_or_path: new URL("logscrub_bg.wasm", import.meta.url) }).then(
  () => {
    try {
      lockDown();
    } catch (e) {
      // Fail closed: an engine that could still reach the network takes no text.
      broken = true;
      post({ type: "error", id: null, message: `The engine could not be isolated from the network: ${String(e)}`, fatal: true });
      return;
    }
    post({ type: "ready", version: version(), categories: categories() as CategoryInfo[], strategies: strategies() });
  },
  (e: unknown) => {
    broken = true;
    post({ type: "error", id: null, message: `The engine could not be loaded: ${String(e)}`, fatal: true });
  },
);

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The hash strategy's key: bytes of the passphrase, or undefined when none is given. */
function keyBytes(key: string): Uint8Array | undefined {
  return key ? new TextEncoder().encode(key) : undefined;
}

function getScrubber(policy: string, key: string): Scrubber {
  const cacheKey = `${key.length}:${key}\n${policy}`;
  if (scrubber === null || scrubberPolicy !== cacheKey) {
    const next = new Scrubber(policy, keyBytes(key));
    scrubber?.free();
    scrubber = next;
    scrubberPolicy = cacheKey;
  }
  return scrubber;
}

/** The policy with every category on "label" and text format: for file names and notices,
 * where a numbered placeholder would not match the text's numbering. */
let labeler: Scrubber | null = null;
let labelerPolicy = "";
function getLabeler(policy: string): Scrubber {
  if (labeler === null || labelerPolicy !== policy) {
    const doc = (policy.trim() ? JSON.parse(policy) : {}) as Record<string, unknown>;
    const next = new Scrubber(JSON.stringify({ ...doc, version: doc.version ?? 1, strategies: {}, default_strategy: "label", format: "text" }), undefined);
    labeler?.free();
    labeler = next;
    labelerPolicy = policy;
  }
  return labeler;
}

/** File names and notices run through the engine like any other text: one line each. Fails
 * closed: anything that does not come back clean becomes "[REDACTED]". */
function cleanStrings(policy: string, xs: string[]): string[] {
  if (xs.length === 0) return xs;
  try {
    const flat = xs.map((x) => x.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " "));
    const r = getLabeler(policy).sanitize(flat.join("\n")) as SanitizeResult;
    const out = r.text.split("\n");
    if (r.report.residual === 0 && out.length === xs.length) return out;
  } catch {
    // below
  }
  return xs.map(() => "[REDACTED]");
}

/** Notices cleaned; the report file (no original value) made here, so that the page holds
 * neither the values of the report's finding list nor the list (a big one is slow to send). */
function finishResult(policy: string, result: SanitizeResult, name: string) {
  const report = { ...result.report, notices: cleanStrings(policy, result.report.notices ?? []) };
  result.reportFile = reportJson(name, report);
  result.report = { ...report, finding_list: undefined };
  result.packed = packFindings(result.findings);
  result.findings = [];
}

const hex = (b: ArrayBuffer) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, "0")).join("");
/** Letters, digits and `_` (ASCII by code, the rest by Unicode class). */
const isWord = (c: number, ch: string) =>
  c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 : /[\p{L}\p{N}]/u.test(ch);
const isSpace = (c: number, ch: string) => c <= 32 || (c >= 128 && /\s/.test(ch));
let recallCache: { text: string; rem: string; out: Recalled } | null = null;

/**
 * Finds the values of `text` whose keyed hash the page remembers ("always keep / redact"):
 * the runs of the remembered lengths that start and end at a word edge (and not on a space),
 * lower-cased; a run whose keyed bucket matches a rule's gets the HMAC-SHA-256 check. The
 * values found stay in memory.
 */
async function recall(text: string, rem: Remembered | undefined): Promise<Recalled> {
  const out: Recalled = { keep: [], redact: [] };
  if (!rem || (rem.keep.length === 0 && rem.redact.length === 0)) return out;
  const remKey = JSON.stringify(rem);
  if (recallCache && recallCache.text === text && recallCache.rem === remKey) return recallCache.out;
  const rules = [...rem.keep.map((r) => ["keep", r] as const), ...rem.redact.map((r) => ["redact", r] as const)];
  const buckets = new Set(rules.map(([, r]) => r.n * 65536 + r.b));
  const lens = [...new Set(rules.map(([, r]) => r.n))].filter((n) => n > 0);
  const lower = text.toLowerCase();
  // Lower-casing can change the length (İ): then each run is lower-cased on its own.
  const aligned = lower.length === text.length;
  const word = (i: number) => i >= 0 && i < text.length && isWord(text.charCodeAt(i), text[i]);
  const edge = (i: number) => !word(i - 1) || !word(i);
  const seed = seedOf(rem.key);
  // Run as written → lower-cased.
  const cands = new Map<string, string>();
  for (let i = 0; i < text.length; i++) {
    if (!edge(i) || isSpace(text.charCodeAt(i), text[i])) continue;
    for (const n of lens) {
      const j = i + n;
      if (j > text.length || !edge(j) || isSpace(text.charCodeAt(j - 1), text[j - 1])) continue;
      const b = aligned ? bucket(seed, lower, i, j) : bucket(seed, text.slice(i, j).toLowerCase());
      if (!buckets.has(n * 65536 + b)) continue;
      const v = text.slice(i, j);
      cands.set(v, v.toLowerCase());
    }
  }
  if (cands.size) {
    const raw = Uint8Array.from(atob(rem.key), (c) => c.charCodeAt(0));
    const key = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const enc = new TextEncoder();
    for (const [v, l] of cands) {
      const h = hex(await crypto.subtle.sign("HMAC", key, enc.encode(l)));
      for (const [kind, r] of rules) if (r.h === h && !out[kind].includes(v)) out[kind].push(v);
    }
  }
  recallCache = { text, rem: remKey, out };
  return out;
}

/** The policy with the recalled values added (allowlist values, deny terms). */
function withRecalled(policy: string, rec: Recalled): string {
  if (rec.keep.length === 0 && rec.redact.length === 0) return policy;
  const doc = (policy.trim() ? JSON.parse(policy) : { version: 1 }) as { allowlist?: { values?: string[] }; deny_terms?: string[] };
  doc.allowlist = { ...(doc.allowlist ?? {}), values: [...(doc.allowlist?.values ?? []), ...rec.keep] };
  doc.deny_terms = [...(doc.deny_terms ?? []), ...rec.redact];
  return JSON.stringify(doc);
}

/** Reads a file in chunks; calls `onText` for each decoded piece, posting progress. `pass`:
 * which of the `passes` reads of the file this is (progress counts all of them). */
async function readChunks(id: number, file: File, t0: number, onText: (s: string) => void, pass = 1, passes = 1) {
  const before = (pass - 1) * file.size;
  const total = passes * file.size;
  let loaded = 0;
  let lastPost = 0;
  const counter = new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
    transform(chunk, ctl) {
      loaded += chunk.byteLength;
      ctl.enqueue(chunk);
    },
  });
  const reader = (file.stream() as ReadableStream<Uint8Array<ArrayBuffer>>).pipeThrough(counter).pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A chunk can be megabytes (a File made of big parts): it goes to the engine in pieces,
    // so that a cancel gets in between them even on a slow or busy machine.
    for (let at = 0; at < value.length; ) {
      if (cancelled.has(id)) {
        cancelled.delete(id);
        await reader.cancel();
        throw new Error("Cancelled.");
      }
      let end = Math.min(value.length, at + PIECE);
      // Never between the two halves of a surrogate pair.
      const c = value.charCodeAt(end - 1);
      if (end < value.length && c >= 0xd800 && c <= 0xdbff) end--;
      onText(value.slice(at, end));
      at = end;
      const now = performance.now();
      if (now - lastPost > 100) {
        lastPost = now;
        post({ type: "progress", id, loaded: before + loaded, total, millis: now - t0, pass, passes });
        // File chunks can arrive as microtasks: yield to the task queue so a cancel gets in.
        await new Promise((r) => setTimeout(r, 0));
      }
    }
  }
  post({ type: "progress", id, loaded: before + file.size, total, millis: performance.now() - t0, pass, passes });
}

/** Characters given to the engine at once while reading a file. */
const PIECE = 256 * 1024;

/** Characters of streamed output held as strings before they become a Blob part. */
const OUT_FLUSH = 4 * 1024 * 1024;

async function handleFile(id: number, file: File, policy: string, key: string, reviewLimit: number, remembered?: Remembered) {
  const t0 = performance.now();
  if (file.size <= reviewLimit) {
    const parts: string[] = [];
    // Validate the policy before reading: a bad policy fails at once.
    getScrubber(policy, key);
    await readChunks(id, file, t0, (t) => parts.push(t));
    const source = parts.join("");
    const recalled = await recall(source, remembered);
    const result = getScrubber(withRecalled(policy, recalled), key).sanitize(source) as SanitizeResult;
    const [name] = cleanStrings(policy, [file.name]);
    finishResult(policy, result, name);
    post({ type: "result", id, result, millis: performance.now() - t0, source, name, recalled });
    return;
  }
  const stream = new ScrubStream(policy, keyBytes(key));
  // The output goes into Blob parts as it comes (the browser keeps them out of this heap), so
  // at most OUT_FLUSH characters of output are held as strings at any time.
  const blobs: Blob[] = [];
  let out: string[] = [];
  let held = 0;
  const flush = () => {
    if (out.length) blobs.push(new Blob(out));
    out = [];
    held = 0;
  };
  try {
    // Two passes (a File can be read twice): the first learns every value and name the whole
    // text holds, so the second replaces a name first seen at the end from the first line on,
    // exactly as the whole-text run would.
    await readChunks(id, file, t0, (t) => stream.learn(t), 1, 2);
    await readChunks(id, file, t0, (t) => {
      const o = stream.feed(t);
      if (o) {
        out.push(o);
        held += o.length;
        if (held >= OUT_FLUSH) flush();
      }
    }, 2, 2);
    const end = stream.finish() as { text: string; findings: number; mapping: Mapping; report: Report };
    end.report = { ...end.report, notices: cleanStrings(policy, end.report.notices ?? []) };
    const [name] = cleanStrings(policy, [file.name]);
    out.push(end.text);
    flush();
    const blob = new Blob(blobs, { type: "text/plain;charset=utf-8" });
    blobs.length = 0;
    const reportBlob = new Blob([reportJson(name, end.report)], { type: "application/json" });
    const mappingBlob = new Blob([JSON.stringify(end.mapping, null, 2)], { type: "application/json" });
    const report = { ...end.report, finding_list: undefined, residuals: end.report.residuals.slice(0, 10) };
    post({
      type: "summary",
      id,
      summary: { blob, findings: end.findings, reportBlob, mappingBlob, report },
      millis: performance.now() - t0,
      name,
    });
  } finally {
    stream.free();
  }
}

self.onmessage = async (ev: MessageEvent<Request>) => {
  const req = ev.data;
  if (req.type === "cancel") {
    cancelled.add(req.id);
    return;
  }
  await ready;
  if (broken) {
    post({ type: "error", id: req.id, message: "The engine stopped after an internal error.", fatal: true });
    return;
  }
  try {
    if (req.type === "file") {
      await handleFile(req.id, req.file, req.policy, req.key, req.reviewLimit, req.remembered);
      cancelled.delete(req.id);
      return;
    }
    if (req.type === "zip") {
      const blob = await zip(req.entries, () => cancelled.has(req.id));
      cancelled.delete(req.id);
      post({ type: "zipped", id: req.id, blob });
      return;
    }
    if (req.type === "restore") {
      const r = restore(req.text, req.mapping) as { text: string; unknown: string[] };
      post({ type: "restored", id: req.id, text: r.text, unknown: r.unknown });
      return;
    }
    const t0 = performance.now();
    getScrubber(req.policy, req.key);
    const recalled = await recall(req.text, req.remembered);
    const result = getScrubber(withRecalled(req.policy, recalled), req.key).sanitize(req.text) as SanitizeResult;
    finishResult(req.policy, result, "log.txt");
    post({ type: "result", id: req.id, result, millis: performance.now() - t0, recalled });
  } catch (e) {
    cancelled.delete(req.id);
    // A JS Error is a readable engine error (bad policy, refused input); a WebAssembly
    // RuntimeError is a panic, after which the instance must not be used again.
    const fatal = e instanceof WebAssembly.RuntimeError;
    if (fatal) {
      broken = true;
      scrubber = null;
    }
    post({
      type: "error",
      id: req.id,
      message: fatal ? `Internal error in the engine (${message(e)}). Nothing was sanitized.` : message(e),
      fatal,
    });
  }
};
