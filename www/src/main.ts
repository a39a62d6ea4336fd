// The page: input, output, copy and download. It renders; the worker does the work.
import type { Request, Response, SanitizeResult } from "./protocol";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const input = $<HTMLTextAreaElement>("input");
const output = $<HTMLPreElement>("output");
const status = $<HTMLDivElement>("status");
const copyBtn = $<HTMLButtonElement>("copy");
const downloadBtn = $<HTMLButtonElement>("download");
const fileInput = $<HTMLInputElement>("file-input");
const dropZone = $<HTMLDivElement>("drop-zone");
const summary = $<HTMLSpanElement>("summary");
const versionEl = $<HTMLSpanElement>("version");

const POLICY_KEY = "logscrub.policy";
const DEBOUNCE_MS = 150;

let worker: Worker;
let latestId = 0;
let current: SanitizeResult | null = null;
let sourceName = "log.txt";
let debounce: number | undefined;

function policyJson(): string {
  return localStorage.getItem(POLICY_KEY) ?? "";
}

function setStatus(text: string, kind: "" | "ok" | "error" = "") {
  status.textContent = text;
  status.className = `status ${kind}`;
}

/** Fail closed: nothing stale or partial may look sanitized. */
function invalidate(reason: string, kind: "" | "error" = "") {
  current = null;
  copyBtn.disabled = true;
  downloadBtn.disabled = true;
  if (kind === "error") {
    output.textContent = "";
    output.classList.remove("stale");
  } else {
    output.classList.add("stale");
  }
  setStatus(reason, kind);
}

function startWorker() {
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = (ev: MessageEvent<Response>) => onResponse(ev.data);
  worker.onerror = (ev) => {
    ev.preventDefault();
    invalidate(`The engine failed to start: ${ev.message || "unknown error"}`, "error");
  };
}

function onResponse(msg: Response) {
  switch (msg.type) {
    case "ready":
      versionEl.textContent = `engine ${msg.version}`;
      document.body.dataset.ready = "true";
      if (input.value) schedule(0);
      else setStatus("Ready. Paste or drop a log.");
      return;
    case "error":
      if (msg.id !== null && msg.id !== latestId) return;
      invalidate(`Error: ${msg.message}`, "error");
      if (msg.fatal) {
        worker.terminate();
        startWorker();
      }
      return;
    case "result":
      if (msg.id !== latestId) return;
      render(msg.result, msg.millis);
  }
}

function render(result: SanitizeResult, millis: number) {
  const r = result.report;
  if (r.residual > 0) {
    current = null;
    output.textContent = "";
    copyBtn.disabled = true;
    downloadBtn.disabled = true;
    setStatus(`Leak check FAILED: ${r.residual} value(s) remain in the output. The result is withheld.`, "error");
    return;
  }
  current = result;
  output.textContent = result.text;
  output.classList.remove("stale");
  copyBtn.disabled = false;
  downloadBtn.disabled = false;
  const counts = Object.entries(r.counts)
    .map(([c, n]) => `${n} ${c}`)
    .join(", ");
  setStatus(`Leak check passed: 0 residual. ${r.findings} value(s) replaced in ${millis.toFixed(0)} ms.`, "ok");
  summary.textContent = counts ? `Replaced: ${counts}.` : "Nothing to replace.";
  if (r.lossy_input) summary.textContent += " Some bytes were not valid UTF-8 and were replaced with �.";
}

function schedule(delay = DEBOUNCE_MS) {
  window.clearTimeout(debounce);
  invalidate("Sanitizing…");
  debounce = window.setTimeout(() => {
    const req: Request = { type: "sanitize", id: ++latestId, text: input.value, policy: policyJson() };
    worker.postMessage(req);
  }, delay);
}

async function loadFiles(files: FileList | File[]) {
  const list = Array.from(files);
  if (list.length === 0) return;
  try {
    const texts = await Promise.all(list.map((f) => f.text()));
    sourceName = list.length === 1 ? list[0].name : "logs.txt";
    input.value = list.length === 1 ? texts[0] : texts.map((t, i) => `==> ${list[i].name} <==\n${t}`).join("\n");
    schedule(0);
  } catch (e) {
    invalidate(`Could not read the file: ${e instanceof Error ? e.message : String(e)}`, "error");
  }
}

function sanitizedName(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)}.sanitized${name.slice(dot)}` : `${name}.sanitized.txt`;
}

input.addEventListener("input", () => {
  sourceName = "log.txt";
  schedule();
});
fileInput.addEventListener("change", () => {
  if (fileInput.files) void loadFiles(fileInput.files);
  fileInput.value = "";
});
for (const type of ["dragenter", "dragover"]) {
  dropZone.addEventListener(type, (e) => {
    e.preventDefault();
    dropZone.classList.add("over");
  });
}
dropZone.addEventListener("dragleave", () => dropZone.classList.remove("over"));
dropZone.addEventListener("drop", (e) => {
  e.preventDefault();
  dropZone.classList.remove("over");
  if (e.dataTransfer?.files.length) void loadFiles(e.dataTransfer.files);
});
copyBtn.addEventListener("click", async () => {
  if (!current) return;
  try {
    await navigator.clipboard.writeText(current.text);
    setStatus("Copied the sanitized text to the clipboard.", "ok");
  } catch {
    // Clipboard permission denied: select the text so Ctrl+C works.
    const range = document.createRange();
    range.selectNodeContents(output);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    setStatus("Press Ctrl+C to copy the selected text.");
  }
});
downloadBtn.addEventListener("click", () => {
  if (!current) return;
  const url = URL.createObjectURL(new Blob([current.text], { type: "text/plain;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = sanitizedName(sourceName);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
$<HTMLAnchorElement>("privacy-link").addEventListener("click", (e) => {
  e.preventDefault();
  const help = $<HTMLElement>("privacy-help");
  help.hidden = !help.hidden;
});

startWorker();
