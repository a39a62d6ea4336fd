// The worker: loads the wasm once, sanitizes on request. All heavy work happens here,
// including reading files in chunks (File.stream() + TextDecoderStream).
import init, { categories, restore, ScrubStream, Scrubber, strategies, version } from "logscrub-wasm";
import { zip } from "./zip";
import type { CategoryInfo, Mapping, Report, Request, Response, SanitizeResult } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: Response) => self.postMessage(msg);

let scrubber: Scrubber | null = null;
let scrubberPolicy = "";
// After a Rust panic the wasm instance is unusable: refuse further work so the page restarts us.
let broken = false;
/** Files whose reading the page cancelled: checked between chunks. */
const cancelled = new Set<number>();

const ready = init({ module_or_path: new URL("logscrub_bg.wasm", import.meta.url) }).then(
  () => post({ type: "ready", version: version(), categories: categories() as CategoryInfo[], strategies: strategies() }),
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
    if (cancelled.has(id)) {
      cancelled.delete(id);
      await reader.cancel();
      throw new Error("Cancelled.");
    }
    onText(value);
    const now = performance.now();
    if (now - lastPost > 100) {
      lastPost = now;
      post({ type: "progress", id, loaded: before + loaded, total, millis: now - t0, pass, passes });
      // File chunks can arrive as microtasks: yield to the task queue so a cancel gets in.
      await new Promise((r) => setTimeout(r, 0));
    }
  }
  post({ type: "progress", id, loaded: before + file.size, total, millis: performance.now() - t0, pass, passes });
}

/** Characters of streamed output held as strings before they become a Blob part. */
const OUT_FLUSH = 4 * 1024 * 1024;

async function handleFile(id: number, file: File, policy: string, key: string, reviewLimit: number) {
  const t0 = performance.now();
  if (file.size <= reviewLimit) {
    const parts: string[] = [];
    // Validate the policy before reading: a bad policy fails at once.
    const s = getScrubber(policy, key);
    await readChunks(id, file, t0, (t) => parts.push(t));
    const source = parts.join("");
    const result = s.sanitize(source) as SanitizeResult;
    post({ type: "result", id, result, millis: performance.now() - t0, source });
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
    out.push(end.text);
    flush();
    const blob = new Blob(blobs, { type: "text/plain;charset=utf-8" });
    blobs.length = 0;
    const reportBlob = new Blob([JSON.stringify({ file: file.name, ...end.report }, null, 2)], { type: "application/json" });
    const mappingBlob = new Blob([JSON.stringify(end.mapping, null, 2)], { type: "application/json" });
    const report = { ...end.report, finding_list: undefined, residuals: end.report.residuals.slice(0, 10) };
    post({
      type: "summary",
      id,
      summary: { blob, findings: end.findings, reportBlob, mappingBlob, report },
      millis: performance.now() - t0,
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
      await handleFile(req.id, req.file, req.policy, req.key, req.reviewLimit);
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
    const s = getScrubber(req.policy, req.key);
    const t0 = performance.now();
    const result = s.sanitize(req.text) as SanitizeResult;
    post({ type: "result", id: req.id, result, millis: performance.now() - t0 });
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
