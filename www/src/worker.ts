// The worker: loads the wasm once, sanitizes on request. All heavy work happens here.
import init, { Scrubber, version } from "logscrub-wasm";
import type { Request, Response, SanitizeResult } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: Response) => self.postMessage(msg);

let scrubber: Scrubber | null = null;
let scrubberPolicy = "";
// After a Rust panic the wasm instance is unusable: refuse further work so the page restarts us.
let broken = false;

const ready = init({ module_or_path: new URL("logscrub_bg.wasm", import.meta.url) }).then(
  () => post({ type: "ready", version: version() }),
  (e: unknown) => {
    broken = true;
    post({ type: "error", id: null, message: `The engine could not be loaded: ${String(e)}`, fatal: true });
  },
);

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

self.onmessage = async (ev: MessageEvent<Request>) => {
  await ready;
  const req = ev.data;
  if (broken) {
    post({ type: "error", id: req.id, message: "The engine stopped after an internal error.", fatal: true });
    return;
  }
  try {
    if (scrubber === null || scrubberPolicy !== req.policy) {
      const next = new Scrubber(req.policy);
      scrubber?.free();
      scrubber = next;
      scrubberPolicy = req.policy;
    }
    const t0 = performance.now();
    const result = scrubber.sanitize(req.text) as SanitizeResult;
    post({ type: "result", id: req.id, result, millis: performance.now() - t0 });
  } catch (e) {
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
