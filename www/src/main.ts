// The page: input, review, settings, output. It renders; the worker does the work.
import { decrypt, encrypt, type EncryptedMapping, isEncrypted } from "./crypto";
import * as P from "./policy";
import * as R from "./remember";
import { type CategoryInfo, type Recalled, type Report, type Request, type Response, type SanitizeResult, type StreamSummary, unpackFindings } from "./protocol";
import { OutputView } from "./output";
import { Review, type ReviewItem } from "./review";
import { uniqueNames } from "./zip";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const input = $<HTMLTextAreaElement>("input");
const output = $<HTMLDivElement>("output");
const outputView = new OutputView(output);
const showResidualBtn = $<HTMLButtonElement>("show-residual");
const status = $<HTMLDivElement>("status");
const copyBtn = $<HTMLButtonElement>("copy");
const downloadBtn = $<HTMLButtonElement>("download");
const reportBtn = $<HTMLButtonElement>("download-report");
const mappingBtn = $<HTMLButtonElement>("download-mapping");
const fileInput = $<HTMLInputElement>("file-input");
const dropZone = $<HTMLDivElement>("drop-zone");
const summary = $<HTMLSpanElement>("summary");
const versionEl = $<HTMLSpanElement>("version");
const note = $<HTMLParagraphElement>("note");
const progressBox = $<HTMLDivElement>("progress");
const progressBar = $<HTMLProgressElement>("progress-bar");
const progressText = $<HTMLSpanElement>("progress-text");
const batchBox = $<HTMLDivElement>("batch-box");
const batchList = $<HTMLUListElement>("batch");
const legend = $<HTMLUListElement>("legend");
const announceEl = $<HTMLDivElement>("announce");
const policyError = $<HTMLParagraphElement>("policy-error");

/** Above this size a file is sanitized as a stream, without the full review. */
export const REVIEW_LIMIT = 20 * 1024 * 1024;
/** Text above this size stays out of the paste box (a huge textarea makes typing slow); it
 * is shown in the virtualised review instead. */
const TEXTAREA_LIMIT = 512 * 1024;
const PLACEHOLDER = input.placeholder;
/** A big pasted text kept out of the textarea. */
let pastedBig: string | null = null;

// ---------------------------------------------------------------- worker plumbing

type Pending = { resolve: (r: Response) => void; reject: (e: Error) => void; onProgress?: (r: Response) => void };
let worker: Worker;
let seq = 0;
const pending = new Map<number, Pending>();
let categories: CategoryInfo[] = [];
let engineReady: () => void;
const engineReadyP = new Promise<void>((r) => (engineReady = r));

function startWorker() {
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = (ev: MessageEvent<Response>) => onWorker(ev.data);
  worker.onerror = (ev) => {
    ev.preventDefault();
    failAll(`The engine failed to start: ${ev.message || "unknown error"}`);
  };
}

function failAll(message: string) {
  for (const p of pending.values()) p.reject(new Error(message));
  pending.clear();
}

function onWorker(msg: Response) {
  if (msg.type === "result" && msg.result.packed) {
    msg.result.findings = unpackFindings(msg.result.packed);
    msg.result.packed = undefined;
  }
  if (msg.type === "ready") {
    versionEl.textContent = `engine ${msg.version}`;
    categories = msg.categories;
    P.STRATEGIES.splice(0, P.STRATEGIES.length, ...msg.strategies);
    engineReady();
    return;
  }
  if (msg.type === "error" && msg.id === null) {
    failAll(msg.message);
    return;
  }
  const p = pending.get(msg.id as number);
  if (!p) return;
  if (msg.type === "progress") {
    p.onProgress?.(msg);
    return;
  }
  pending.delete(msg.id as number);
  if (msg.type === "error") {
    if (msg.fatal) restartWorker();
    p.reject(new Error(msg.message));
  } else p.resolve(msg);
}

function restartWorker(reason = "The engine restarted.") {
  worker.terminate();
  failAll(reason);
  startWorker();
}

function call(req: Request, onProgress?: (r: Response) => void): Promise<Response> {
  return new Promise((resolve, reject) => {
    pending.set(req.id, { resolve, reject, onProgress });
    worker.postMessage(req);
  });
}

// ---------------------------------------------------------------- state

interface BatchEntry {
  file: File;
  status: "queued" | "working" | "done" | "error" | "cancelled";
  message?: string;
  result?: SanitizeResult;
  source?: string;
  summary?: StreamSummary;
  /** The file name as the engine sanitized it: the only name that goes into downloads,
   * ZIP entries and reports. */
  safeName?: string;
  li?: HTMLLIElement;
}

/** What the review and output show: pasted text, or one file of the batch. */
let view: { name: string; entry: BatchEntry | null } = { name: "log.txt", entry: null };
let sourceText = "";
let current: SanitizeResult | null = null;
let currentBlob: StreamSummary | null = null;
let batch: BatchEntry[] = [];
let viewSeq = 0;
let debounce: number | undefined;
const session: P.Session = { kept: new Set(), redacted: new Set() };

function setStatus(text: string, kind: "" | "ok" | "error" = "") {
  status.textContent = text;
  status.className = `verdict ${kind}`;
}

/** The verdict's word on removed notes: a note marker that swallowed a log must show. */
function notesRemoved(r: Report): string {
  const n = r.notes_removed;
  if (!n || n.count === 0) return "";
  const share = r.input_bytes > 0 ? Math.round((100 * n.bytes) / r.input_bytes) : 0;
  return ` ${n.count} internal note(s) removed: ${n.lines} line(s), ${share} % of the input.`;
}

function announce(text: string) {
  announceEl.textContent = text;
}

/** Fail closed: nothing stale or partial may look sanitized. */
function invalidate(reason: string, kind: "" | "error" = "") {
  current = null;
  currentBlob = null;
  for (const b of [copyBtn, downloadBtn, reportBtn, mappingBtn]) b.disabled = true;
  showResidualBtn.hidden = true;
  if (kind === "error") {
    outputView.set("");
    output.classList.remove("stale");
    note.hidden = true;
  } else {
    output.classList.add("stale");
  }
  setStatus(reason, kind);
}

function showEngineError(message: string) {
  invalidate(`Error: ${message}. Nothing was sanitized.`, "error");
  const policyProblem = /polic|pattern|cidr|categor|field|strateg|version|deny|key/i.test(message);
  policyError.hidden = !policyProblem;
  policyError.textContent = policyProblem ? `The settings are invalid: ${message}` : "";
}

/** The UTF-16 offset of UTF-8 byte offset `byte` in `text`. */
function utf16OfByte(text: string, byte: number): number {
  let b = 0;
  let i = 0;
  while (i < text.length && b < byte) {
    const c = text.codePointAt(i)!;
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += c > 0xffff ? 2 : 1;
  }
  return i;
}

function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < pos; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * Where a residual (a range of the output) is in the original the review shows: the output is
 * the original with each finding replaced, so offsets map back through the findings. Checked
 * against the text; falls back to searching the value. Null when it cannot be placed.
 */
function residualInSource(result: SanitizeResult, source: string, from: number, to: number): { from: number; to: number } | null {
  const value = result.text.slice(from, to);
  if (!value) return null;
  const findings = [...result.findings].sort((a, b) => a.start_utf16 - b.start_utf16);
  let delta = 0;
  for (const f of findings) {
    const outStart = f.start_utf16 + delta;
    if (from < outStart) break;
    if (from < outStart + f.replacement.length) {
      delta = NaN;
      break;
    }
    delta += f.replacement.length - (f.end_utf16 - f.start_utf16);
  }
  const at = from - delta;
  if (Number.isFinite(at) && source.slice(at, at + value.length) === value) return { from: at, to: at + value.length };
  const i = source.indexOf(value);
  return i >= 0 ? { from: i, to: i + value.length } : null;
}

/** Renders a full result (review + output), or withholds it on a leak-check failure. */
function render(result: SanitizeResult, millis: number) {
  policyError.hidden = true;
  // An email read decoded (quoted-printable, base64 parts): the findings point into the
  // decoded text, so the review shows that text.
  if (result.scanned !== undefined) sourceText = result.scanned;
  const r = result.report;
  updateCounts(r.counts);
  if (r.residual > 0) {
    renderFailure(result);
    return;
  }
  current = result;
  currentBlob = null;
  outputView.set(result.text);
  note.hidden = true;
  note.textContent = "";
  output.classList.remove("stale");
  for (const b of [copyBtn, downloadBtn, reportBtn, mappingBtn]) b.disabled = false;
  setStatus(`✓ Leak check: 0 residual. ${r.findings} value(s) replaced in ${millis.toFixed(0)} ms.${notesRemoved(r)}`, "ok");
  const counts = Object.entries(r.counts).map(([c, n]) => `${n} ${c}`).join(", ");
  summary.textContent = counts ? `Replaced: ${counts}.` : "Nothing to replace.";
  if (r.lossy_input) summary.textContent += " Some bytes were not valid UTF-8 and were replaced with �.";
  if (r.notices?.length) summary.textContent += ` ${r.notices.join(" ")}`;
  renderReview(result);
}

/**
 * A failed leak check: the output is withheld (nothing to copy or download), the verdict says
 * where, and the review shows the original with each residual marked; the first is selected.
 */
function renderFailure(result: SanitizeResult) {
  const r = result.report;
  const residuals: ReviewItem[] = [];
  const where: string[] = [];
  for (const x of r.residuals) {
    const from = utf16OfByte(result.text, x.start);
    const to = utf16OfByte(result.text, x.end);
    const spot = residualInSource(result, sourceText, from, to);
    if (where.length < 3) {
      where.push(spot ? `line ${lineOf(sourceText, spot.from)} (${x.category}, ${x.kind})` : `line ${lineOf(result.text, from)} of the output (${x.category}, ${x.kind})`);
    }
    if (spot) residuals.push({ ...spot, kind: "residual", category: x.category, value: sourceText.slice(spot.from, spot.to), residual: x });
  }
  invalidate(`✗ Leak check FAILED: ${r.residual} residual value(s) in the output at ${where.join("; ")}. The result is withheld.`, "error");
  summary.textContent = "";
  renderReview(result, residuals);
  if (residuals.length) {
    review.reveal(residuals[0]);
    showResidualBtn.hidden = false;
  }
}

$("show-residual").addEventListener("click", () => {
  const first = review.items().find((it) => it.kind === "residual");
  if (!first) return;
  review.reveal(first);
  review.view.focus();
});

function renderSummary(s: StreamSummary, size: number, millis: number) {
  policyError.hidden = true;
  const r = s.report;
  updateCounts(r.counts);
  review.set("", []);
  legend.replaceChildren();
  if (r.residual > 0) {
    invalidate(
      `✗ Leak check FAILED: ${r.residual} residual value(s) in the output (first at byte ${r.residuals[0]?.start ?? "?"} of the output, ${r.residuals[0]?.category ?? "?"}). The result is withheld.`,
      "error",
    );
    return;
  }
  current = null;
  currentBlob = s;
  outputView.set("");
  output.classList.remove("stale");
  note.hidden = false;
  note.textContent = `This file is ${mb(size)}: above the ${mb(REVIEW_LIMIT)} review limit, so it was sanitized as a stream without the full review. ${r.findings} value(s) replaced; download the result.`;
  downloadBtn.disabled = false;
  reportBtn.disabled = false;
  mappingBtn.disabled = false;
  copyBtn.disabled = true;
  setStatus(`✓ Leak check: 0 residual. ${r.findings} value(s) replaced in ${(millis / 1000).toFixed(1)} s (${mbps(size, millis)}).${notesRemoved(r)}`, "ok");
  summary.textContent = Object.entries(r.counts).map(([c, n]) => `${n} ${c}`).join(", ");
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
function mbps(bytes: number, millis: number): string {
  return `${(bytes / 1024 / 1024 / Math.max(millis / 1000, 1e-3)).toFixed(0)} MB/s`;
}

// ---------------------------------------------------------------- review

const review = new Review($("review"), {
  toggle: (it) => toggleItem(it),
  redact: (text) => redactText(text),
  announce,
});

function keptItems(text: string): ReviewItem[] {
  const out: ReviewItem[] = [];
  if (session.kept.size === 0 || text.length > REVIEW_LIMIT) return out;
  const lower = text.toLowerCase();
  for (const v of session.kept) {
    const needle = v.toLowerCase();
    if (!needle) continue;
    for (let i = lower.indexOf(needle); i >= 0 && out.length < 10_000; i = lower.indexOf(needle, i + needle.length)) {
      out.push({ from: i, to: i + needle.length, kind: "kept", category: "kept", value: v });
    }
  }
  return out;
}

function renderReview(result: SanitizeResult, residuals: ReviewItem[] = []) {
  const items: ReviewItem[] = result.findings.map((f) => ({
    from: f.start_utf16,
    to: f.end_utf16,
    kind: "finding" as const,
    category: f.category,
    value: f.value ?? sourceText.slice(f.start_utf16, f.end_utf16),
    finding: f,
  }));
  // Kept values that no finding covers any more.
  const kept = keptItems(sourceText).filter((k) => !items.some((f) => f.from < k.to && k.from < f.to));
  const overlapsResidual = (it: ReviewItem) => residuals.some((x) => x.from < it.to && it.from < x.to);
  const all = [...items.filter((it) => !overlapsResidual(it)), ...kept.filter((it) => !overlapsResidual(it)), ...residuals].sort((a, b) => a.from - b.from);
  review.set(sourceText, all);
  legend.replaceChildren(
    ...Object.entries(result.report.counts).map(([c, n]) => {
      const li = document.createElement("li");
      const sw = document.createElement("span");
      sw.className = `swatch c-${c}`;
      li.append(sw, `${label(c)} (${n})`);
      return li;
    }),
  );
  if (residuals.length) {
    const li = document.createElement("li");
    const sw = document.createElement("span");
    sw.className = "swatch c-residual";
    li.append(sw, `left in the output (${residuals.length})`);
    legend.append(li);
  }
  if (kept.length) {
    const li = document.createElement("li");
    const sw = document.createElement("span");
    sw.className = "swatch c-kept";
    li.append(sw, `kept (${kept.length})`);
    legend.append(li);
  }
}

function label(id: string): string {
  return categories.find((c) => c.id === id)?.id.replace(/_/g, " ") ?? id;
}

function toggleItem(it: ReviewItem) {
  if (it.kind === "residual") {
    announce(`"${it.value}" is still in the output, so the result is withheld. Select it and press r (Redact selection) to redact it by hand.`);
    return;
  }
  const always = $<HTMLInputElement>("always").checked;
  // The run after a decision waits for the remembered hashes to be updated: an undone value
  // must not be recognised again from its hash.
  let stored: Promise<void> = Promise.resolve();
  if (it.kind === "kept") {
    session.kept.delete(it.value);
    for (const k of [...session.kept]) if (k.toLowerCase() === it.value.toLowerCase()) session.kept.delete(k);
    if (P.storedHas("allow", it.value)) P.editStoredList("allow", it.value, false);
    if (R.count()) stored = R.edit("keep", it.value, false);
    announce(`Redacting "${it.value}" again.`);
  } else if (it.finding?.rule === "custom.deny_term" && (hasCI(session.redacted, it.value) || P.storedHas("deny", it.value))) {
    for (const k of [...session.redacted]) if (k.toLowerCase() === it.value.toLowerCase()) session.redacted.delete(k);
    if (P.storedHas("deny", it.value)) P.editStoredList("deny", it.value, false);
    if (R.count()) stored = R.edit("redact", it.value, false);
    announce(`Restored "${it.value}".`);
  } else {
    session.kept.add(it.value);
    announce(`Keeping "${it.value}" as is${always ? " (remembered in this browser as a keyed hash)" : ""}.`);
    if (always) stored = R.edit("keep", it.value, true);
  }
  void stored.then(afterDecision);
}

function afterDecision() {
  fillSidebar();
  rerun(0);
}

function hasCI(set: Set<string>, v: string): boolean {
  const l = v.toLowerCase();
  return [...set].some((x) => x.toLowerCase() === l);
}

function redactText(text: string) {
  const always = $<HTMLInputElement>("always").checked;
  session.redacted.add(text);
  for (const k of [...session.kept]) if (k.toLowerCase() === text.toLowerCase()) session.kept.delete(k);
  announce(`Redacting "${text}"${always ? " (remembered in this browser as a keyed hash)" : ""}.`);
  if (always) return void R.edit("redact", text, true).then(afterDecision);
  afterDecision();
}

/** Values the worker recognised from remembered hashes join this session's decisions. */
function applyRecalled(rec: Recalled | undefined) {
  for (const v of rec?.keep ?? []) if (!hasCI(session.redacted, v)) session.kept.add(v);
  for (const v of rec?.redact ?? []) session.redacted.add(v);
}

$("prev").addEventListener("click", () => review.move(-1));
$("next").addEventListener("click", () => review.move(1));
$("toggle").addEventListener("click", () => review.toggleCurrent());
$("redact").addEventListener("click", () => review.redactSelection());

// ---------------------------------------------------------------- running

function policy(): string {
  return P.effectiveJson(session);
}

/** Re-runs whatever is on view (and the rest of the batch) after a change. */
function rerun(delay: number) {
  if (view.entry) {
    window.clearTimeout(debounce);
    invalidate("Sanitizing…");
    debounce = window.setTimeout(() => {
      cancelRunning();
      void runBatch(true);
    }, delay);
  } else schedule(delay);
}

function schedule(delay?: number) {
  window.clearTimeout(debounce);
  invalidate("Sanitizing…");
  const text = pastedBig ?? input.value;
  const wait = delay ?? (text.length > 1_000_000 ? 700 : 150);
  debounce = window.setTimeout(() => void runText(text), wait);
}

/** The paste being sanitized (its id), which Cancel stops by restarting the engine. */
let runningPaste: number | null = null;

async function runText(text: string) {
  await engineReadyP;
  const id = ++seq;
  viewSeq = id;
  sourceText = text;
  runningPaste = id;
  // A run that takes a while shows the Cancel button (and an indeterminate bar).
  const busy = window.setTimeout(() => {
    if (runningPaste !== id) return;
    progressBox.hidden = false;
    progressBar.removeAttribute("value");
    progressText.textContent = `Sanitizing the pasted text (${mb(text.length)})…`;
  }, 250);
  try {
    const res = await call({ type: "sanitize", id, text, policy: policy(), key: hashKey.value, remembered: R.remembered() });
    if (viewSeq !== id || res.type !== "result") return;
    applyRecalled(res.recalled);
    render(res.result, res.millis);
  } catch (e) {
    if (viewSeq === id) showEngineError(errText(e));
  } finally {
    window.clearTimeout(busy);
    if (runningPaste === id) {
      runningPaste = null;
      if (!view.entry) progressBox.hidden = true;
    }
  }
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function showProgress(loaded: number, total: number, millis: number, name: string, pass = 1, passes = 1) {
  progressBox.hidden = false;
  progressBar.max = Math.max(total, 1);
  progressBar.value = loaded;
  const size = total / passes;
  const done = Math.max(0, loaded - (pass - 1) * size);
  const step = passes > 1 ? ` (pass ${pass} of ${passes}: ${pass === 1 ? "finding values" : "sanitizing"})` : "";
  progressText.textContent = `${name}${step}: ${mb(done)} of ${mb(size)} · ${mbps(loaded, millis)}`;
}

async function runEntry(entry: BatchEntry): Promise<void> {
  const id = ++seq;
  entry.status = "working";
  entry.message = undefined;
  drawEntry(entry);
  const onView = () => view.entry === entry;
  if (onView()) viewSeq = id;
  runningFileId = id;
  runningWhole = entry.file.size <= REVIEW_LIMIT;
  try {
    const res = await call(
      { type: "file", id, file: entry.file, policy: policy(), key: hashKey.value, reviewLimit: REVIEW_LIMIT, remembered: R.remembered() },
      (p) => p.type === "progress" && showProgress(p.loaded, p.total, p.millis, entry.file.name, p.pass, p.passes),
    );
    if ((entry.status as BatchEntry["status"]) === "cancelled") throw new Error("Cancelled.");
    entry.status = "done";
    if (res.type === "result" || res.type === "summary") entry.safeName = res.name;
    if (res.type === "result") {
      applyRecalled(res.recalled);
      entry.result = res.result;
      entry.source = res.source ?? "";
      entry.summary = undefined;
      if (onView()) {
        sourceText = entry.source;
        pastedBig = null;
        input.value = entry.source.length <= TEXTAREA_LIMIT && batch.length === 1 ? entry.source : "";
        render(res.result, res.millis);
      }
    } else if (res.type === "summary") {
      entry.summary = res.summary;
      entry.result = undefined;
      entry.source = undefined;
      if (onView()) {
        input.value = "";
        renderSummary(res.summary, entry.file.size, res.millis);
      }
    }
  } catch (e) {
    const msg = errText(e);
    entry.status = msg === "Cancelled." ? "cancelled" : "error";
    entry.message = msg;
    if (onView() && viewSeq === id) {
      if (entry.status === "cancelled") invalidate("Cancelled. Nothing was sanitized.", "error");
      else showEngineError(msg);
    }
  }
  if (runningFileId === id) runningFileId = null;
  drawEntry(entry);
}

/** Batch runs are chained; a newer batch (or a cancel) stops an older one between files. */
let batchGen = 0;
let batchChain: Promise<void> = Promise.resolve();
let runningFileId: number | null = null;
/** Whether the running file is sanitized in one call (up to the review limit), which only a
 * new worker can stop; a streamed file stops between chunks. */
let runningWhole = false;

function runBatch(all: boolean) {
  const gen = batchGen;
  batchChain = batchChain.then(async () => {
    await engineReadyP;
    for (const entry of batch) {
      if (gen !== batchGen) return;
      if (!all && entry.status === "done") continue;
      if (entry.status === "cancelled") continue;
      await runEntry(entry);
    }
    progressBox.hidden = true;
    $<HTMLButtonElement>("download-all").disabled = !batch.some((b) => b.status === "done");
  });
  return batchChain;
}

/** Stops the file being read (the worker checks between chunks); no new worker, no request. */
function cancelRunning() {
  batchGen++;
  if (runningFileId !== null) worker.postMessage({ type: "cancel", id: runningFileId } satisfies Request);
}

function loadFiles(files: FileList | File[]) {
  const list = Array.from(files);
  if (list.length === 0) return;
  cancelRunning();
  batch = list.map((file) => ({ file, status: "queued" }));
  view = { name: list[0].name, entry: batch[0] };
  batchList.replaceChildren(...batch.map(drawEntry));
  batchBox.hidden = false;
  $<HTMLButtonElement>("download-all").disabled = true;
  $("zip-status").textContent = "";
  invalidate(`Reading ${list.length === 1 ? list[0].name : `${list.length} files`}…`);
  window.clearTimeout(debounce);
  void runBatch(true);
}

function drawEntry(entry: BatchEntry): HTMLLIElement {
  const li = entry.li ?? document.createElement("li");
  entry.li = li;
  li.className = `entry ${entry.status}${view.entry === entry ? " selected" : ""}`;
  li.dataset.testid = "batch-entry";
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = entry.file.name;
  const st = document.createElement("span");
  st.className = "entry-status";
  st.dataset.testid = "entry-status";
  const report = entry.result?.report ?? entry.summary?.report;
  st.textContent =
    entry.status === "done" && report
      ? report.residual > 0
        ? `leak check failed`
        : `${report.findings} replaced${entry.summary ? " (summary only)" : ""}`
      : entry.status === "error"
        ? `error: ${entry.message}`
        : entry.status;
  const reviewB = document.createElement("button");
  reviewB.type = "button";
  reviewB.className = "ghost";
  reviewB.textContent = "Review";
  reviewB.setAttribute("aria-label", `Review ${entry.file.name}`);
  reviewB.disabled = entry.status !== "done";
  reviewB.addEventListener("click", () => selectEntry(entry));
  const dl = document.createElement("button");
  dl.type = "button";
  dl.className = "ghost";
  dl.textContent = "Download";
  dl.setAttribute("aria-label", `Download the sanitized ${entry.file.name}`);
  dl.disabled = !(entry.status === "done" && report && report.residual === 0);
  dl.addEventListener("click", () => downloadEntry(entry));
  li.replaceChildren(name, st, reviewB, dl);
  return li;
}

function selectEntry(entry: BatchEntry) {
  view = { name: entry.file.name, entry };
  for (const b of batch) drawEntry(b);
  if (entry.result && entry.source !== undefined) {
    sourceText = entry.source;
    input.value = "";
    render(entry.result, 0);
  } else if (entry.summary) renderSummary(entry.summary, entry.file.size, 0);
}

function downloadEntry(entry: BatchEntry) {
  const name = sanitizedName(entry.safeName ?? "file.txt");
  if (entry.result && entry.result.report.residual === 0) save(new Blob([entry.result.text], { type: "text/plain;charset=utf-8" }), name);
  else if (entry.summary && entry.summary.report.residual === 0) save(entry.summary.blob, name);
}

/** The report of a batch entry as the Report button gives it. */
function entryReport(entry: BatchEntry): Blob | null {
  if (entry.summary) return entry.summary.reportBlob;
  if (!entry.result) return null;
  return new Blob([entry.result.reportFile ?? ""], { type: "application/json" });
}

/** The sanitized file of a batch entry, or null when there is none (error, leak check failed). */
function entryOutput(entry: BatchEntry): Blob | null {
  if (entry.status !== "done") return null;
  if (entry.result && entry.result.report.residual === 0) return new Blob([entry.result.text], { type: "text/plain;charset=utf-8" });
  if (entry.summary && entry.summary.report.residual === 0) return entry.summary.blob;
  return null;
}

const downloadAllBtn = $<HTMLButtonElement>("download-all");
const zipStatus = $<HTMLParagraphElement>("zip-status");
const ZIP_NAME = "logscrub-sanitized.zip";
downloadAllBtn.addEventListener("click", async () => {
  const withReports = $<HTMLInputElement>("zip-reports").checked;
  const files: { name: string; data: Blob }[] = [];
  const reports: { name: string; data: Blob }[] = [];
  const skipped: string[] = [];
  for (const e of batch) {
    const data = entryOutput(e);
    if (!data) {
      skipped.push(e.file.name);
      continue;
    }
    const safe = e.safeName ?? "file.txt";
    files.push({ name: sanitizedName(safe), data });
    const report = withReports ? entryReport(e) : null;
    if (report) reports.push({ name: `${baseName(safe)}.report.json`, data: report });
  }
  if (files.length === 0) return;
  // Unique names in the archive; reports go into a folder of their own.
  const names = uniqueNames(files.map((f) => f.name));
  const reportNames = uniqueNames(reports.map((r) => r.name)).map((n) => `reports/${n}`);
  const entries = [...files.map((f, i) => ({ ...f, name: names[i] })), ...reports.map((r, i) => ({ ...r, name: reportNames[i] }))];
  const id = ++seq;
  downloadAllBtn.disabled = true;
  zipStatus.textContent = `Packing ${files.length} file(s)…`;
  try {
    const res = await call({ type: "zip", id, entries });
    if (res.type !== "zipped") throw new Error("unexpected answer from the engine");
    save(res.blob, ZIP_NAME);
    zipStatus.textContent = `${ZIP_NAME}: ${files.length} sanitized file(s)${reports.length ? ` and ${reports.length} report(s)` : ""}${
      skipped.length ? `; not included (error or failed leak check): ${skipped.join(", ")}` : ""
    }.`;
  } catch (e) {
    zipStatus.textContent = `No archive: ${errText(e)}`;
  } finally {
    downloadAllBtn.disabled = !batch.some((b) => b.status === "done");
  }
});
$("cancel").addEventListener("click", () => {
  const whole = runningPaste !== null || (runningFileId !== null && runningWhole);
  cancelRunning();
  if (whole) {
    // The engine is inside one call over the whole text: only a new worker stops it. Its
    // answer can no longer arrive, and nothing partial is shown.
    runningPaste = null;
    viewSeq = ++seq;
    restartWorker("Cancelled.");
  }
  for (const e of batch) if (e.status === "queued" || e.status === "working") {
    e.status = "cancelled";
    drawEntry(e);
  }
  progressBox.hidden = true;
  invalidate("Cancelled. Nothing was sanitized.", "error");
  announce("Cancelled.");
});

export function sanitizedName(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)}.sanitized${name.slice(dot)}` : `${name}.sanitized.txt`;
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---------------------------------------------------------------- input events

input.addEventListener("paste", (e) => {
  const text = e.clipboardData?.getData("text/plain") ?? "";
  if (text.length <= TEXTAREA_LIMIT) return;
  e.preventDefault();
  pastedBig = text;
  input.value = "";
  input.placeholder = `${mb(text.length)} pasted: it is shown in the review below. Type or paste here to start over.`;
  leaveBatch();
  schedule(0);
});
function leaveBatch() {
  if (view.entry) {
    view = { name: "log.txt", entry: null };
    for (const b of batch) drawEntry(b);
  }
}
input.addEventListener("input", () => {
  pastedBig = null;
  input.placeholder = PLACEHOLDER;
  if (view.entry) {
    view = { name: "log.txt", entry: null };
    for (const b of batch) drawEntry(b);
  }
  view.name = "log.txt";
  schedule();
});
fileInput.addEventListener("change", () => {
  if (fileInput.files) loadFiles(fileInput.files);
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
  if (e.dataTransfer?.files.length) loadFiles(e.dataTransfer.files);
});
copyBtn.addEventListener("click", async () => {
  if (!current) return;
  try {
    await navigator.clipboard.writeText(current.text);
    setStatus("Copied the sanitized text to the clipboard. ✓ Leak check: 0 residual.", "ok");
  } catch {
    outputView.selectAll();
    setStatus("Press Ctrl+C to copy the selected text. ✓ Leak check: 0 residual.", "ok");
  }
});
/** The name downloads of what is on view get: a file's name as the engine sanitized it. */
function safeViewName(): string {
  return view.entry ? (view.entry.safeName ?? "file.txt") : view.name;
}
downloadBtn.addEventListener("click", () => {
  if (current) save(new Blob([current.text], { type: "text/plain;charset=utf-8" }), sanitizedName(safeViewName()));
  else if (currentBlob) save(currentBlob.blob, sanitizedName(safeViewName()));
});
reportBtn.addEventListener("click", () => {
  const name = `${baseName(safeViewName())}.report.json`;
  if (currentBlob) return save(currentBlob.reportBlob, name);
  if (!current) return;
  save(new Blob([current.reportFile ?? ""], { type: "application/json" }), name);
});
mappingBtn.addEventListener("click", async () => {
  const json = current ? JSON.stringify(current.mapping, null, 2) : await currentBlob?.mappingBlob.text();
  if (!json) return;
  const pass = $<HTMLInputElement>("passphrase").value;
  if (!pass) {
    save(new Blob([json], { type: "application/json" }), `${baseName(safeViewName())}.mapping.json`);
    return;
  }
  try {
    save(new Blob([JSON.stringify(await encrypt(json, pass))], { type: "application/json" }), `${baseName(safeViewName())}.mapping.enc.json`);
  } catch (e) {
    setStatus(`The mapping could not be encrypted: ${errText(e)}. Nothing was saved.`, "error");
  }
});

function baseName(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

const privacyLink = $<HTMLAnchorElement>("privacy-link");
privacyLink.addEventListener("click", (e) => {
  e.preventDefault();
  const help = $<HTMLElement>("privacy-help");
  help.hidden = !help.hidden;
  privacyLink.setAttribute("aria-expanded", String(!help.hidden));
});

// ---------------------------------------------------------------- sidebar (the policy)

const catsBody = $<HTMLTableSectionElement>("cats");
const defaultStrategy = $<HTMLSelectElement>("default-strategy");
const lists = {
  values: $<HTMLTextAreaElement>("allow-values"),
  email_domains: $<HTMLTextAreaElement>("allow-domains"),
  cidrs: $<HTMLTextAreaElement>("allow-cidrs"),
  patterns: $<HTMLTextAreaElement>("allow-patterns"),
};
const customRules = $<HTMLTextAreaElement>("custom-rules");
/** The hash strategy's secret: in memory only, never saved or exported. */
const hashKey = $<HTMLInputElement>("hash-key");
const denyTerms = $<HTMLTextAreaElement>("deny-terms");

function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

function buildSidebar() {
  defaultStrategy.replaceChildren(...P.STRATEGIES.map((s) => option(s, s)));
  catsBody.replaceChildren(
    ...categories.map((c) => {
      const tr = document.createElement("tr");
      const td1 = document.createElement("td");
      const cb = document.createElement("input");
      cb.type = "checkbox";
      cb.id = `cat-${c.id}`;
      cb.dataset.testid = `cat-${c.id}`;
      cb.dataset.cat = c.id;
      const lab = document.createElement("label");
      lab.htmlFor = cb.id;
      const sw = document.createElement("span");
      sw.className = `swatch c-${c.id}`;
      lab.append(sw, c.id.replace(/_/g, " "));
      td1.append(cb, lab);
      const td2 = document.createElement("td");
      td2.className = "count";
      td2.dataset.testid = `count-${c.id}`;
      td2.id = `count-${c.id}`;
      const td3 = document.createElement("td");
      const sel = document.createElement("select");
      sel.dataset.strategy = c.id;
      sel.dataset.testid = `strategy-${c.id}`;
      sel.setAttribute("aria-label", `Strategy for ${c.id.replace(/_/g, " ")}`);
      sel.append(option("", "default"), ...P.STRATEGIES.map((s) => option(s, s)));
      td3.append(sel);
      tr.append(td1, td2, td3);
      return tr;
    }),
  );
}

/** Shows the stored policy in the controls. */
function fillSidebar() {
  const n = R.count();
  $("policy-source").textContent = `${P.policySource()}${n ? ` ${n} review decision(s) remembered as keyed hashes (Reset forgets them).` : ""}`;
  const doc = P.storedDoc();
  if (doc === null) {
    policyError.hidden = false;
    policyError.textContent = "The saved policy is not valid JSON. Fix it by importing a policy or pressing Reset.";
    return;
  }
  defaultStrategy.value = doc.default_strategy ?? "numbered";
  for (const c of categories) {
    const cb = document.getElementById(`cat-${c.id}`) as HTMLInputElement | null;
    if (cb) cb.checked = doc.categories?.[c.id] ?? c.default_enabled;
    const sel = catsBody.querySelector<HTMLSelectElement>(`select[data-strategy="${c.id}"]`);
    if (sel) sel.value = doc.strategies?.[c.id] ?? "";
  }
  const a = doc.allowlist ?? {};
  for (const [k, el] of Object.entries(lists)) el.value = (a[k as keyof typeof a] ?? []).join("\n");
  customRules.value = (doc.custom_rules ?? []).map((r) => `${r.label}: ${r.pattern}`).join("\n");
  denyTerms.value = (doc.deny_terms ?? []).join("\n");
}

const lines = (el: HTMLTextAreaElement) => el.value.split("\n").map((l) => l.trim()).filter(Boolean);

/** Reads the controls into the stored policy (keeping fields the sidebar does not show). */
function readSidebar() {
  const doc: P.PolicyDoc = P.storedDoc() ?? { version: 1 };
  doc.version = doc.version ?? 1;
  const cats: Record<string, boolean> = {};
  const strategies: Record<string, string> = {};
  for (const c of categories) {
    const cb = document.getElementById(`cat-${c.id}`) as HTMLInputElement;
    if (cb.checked !== c.default_enabled) cats[c.id] = cb.checked;
    const sel = catsBody.querySelector<HTMLSelectElement>(`select[data-strategy="${c.id}"]`);
    if (sel?.value) strategies[c.id] = sel.value;
  }
  doc.categories = cats;
  doc.strategies = strategies;
  if (defaultStrategy.value === "numbered") delete doc.default_strategy;
  else doc.default_strategy = defaultStrategy.value;
  doc.allowlist = {
    values: lines(lists.values),
    email_domains: lines(lists.email_domains),
    cidrs: lines(lists.cidrs),
    patterns: lines(lists.patterns),
  };
  doc.custom_rules = lines(customRules).map((l) => {
    const i = l.indexOf(":");
    return i < 0 ? { label: l, pattern: "" } : { label: l.slice(0, i).trim(), pattern: l.slice(i + 1).trim() };
  });
  doc.deny_terms = lines(denyTerms);
  P.saveDoc(doc);
}

function onSettingsChange() {
  readSidebar();
  rerun(300);
}

function updateCounts(counts: Record<string, number>) {
  for (const c of categories) {
    const td = document.getElementById(`count-${c.id}`);
    if (td) td.textContent = counts[c.id] ? String(counts[c.id]) : "";
  }
}

$("settings-title").closest("aside")!.addEventListener("input", (e) => {
  const t = e.target as HTMLElement;
  if (t.id === "policy-import") return;
  if (t.id === "hash-key") {
    rerun(300);
    return;
  }
  onSettingsChange();
});

$("policy-export").addEventListener("click", () => {
  const doc = P.storedDoc();
  const text = doc ? JSON.stringify(doc, null, 2) : P.storedJson();
  save(new Blob([text + "\n"], { type: "application/json" }), "logscrub-policy.json");
});
const policyImport = $<HTMLInputElement>("policy-import");
policyImport.addEventListener("change", async () => {
  const f = policyImport.files?.[0];
  policyImport.value = "";
  if (!f) return;
  P.store(await f.text());
  forgetDecisions();
  fillSidebar();
  rerun(0);
});
$("policy-reset").addEventListener("click", () => {
  P.resetStored();
  forgetDecisions();
  policyError.hidden = true;
  fillSidebar();
  rerun(0);
});

/** A replaced policy takes its decisions with it: remembered hashes and this session's. */
function forgetDecisions() {
  R.clear();
  session.kept.clear();
  session.redacted.clear();
}

// ---------------------------------------------------------------- restore view

const layoutEl = document.querySelector<HTMLDivElement>(".layout")!;
const restoreView = $<HTMLElement>("restore-view");
const viewSanitizeBtn = $<HTMLButtonElement>("view-sanitize");
const viewRestoreBtn = $<HTMLButtonElement>("view-restore");
const restoreInput = $<HTMLTextAreaElement>("restore-input");
const restoreFile = $<HTMLInputElement>("restore-mapping");
const restorePass = $<HTMLInputElement>("restore-passphrase");
const restorePassRow = $<HTMLDivElement>("restore-pass-row");
const restoreSource = $<HTMLParagraphElement>("restore-source");
const restoreStatus = $<HTMLParagraphElement>("restore-status");
const restoreOutput = $<HTMLPreElement>("restore-output");
const restoreCopy = $<HTMLButtonElement>("restore-copy");
const restoreUnknownBox = $<HTMLDivElement>("restore-unknown-box");
const restoreUnknown = $<HTMLUListElement>("restore-unknown");

/** The mapping to restore with: in memory only (never saved). `json` is unset while an
 * encrypted file waits for its passphrase. */
let restoreMap: { label: string; json?: string; enc?: EncryptedMapping } | null = null;
let restoreSeq = 0;
let restoreTimer: number | undefined;

function showView(restoring: boolean) {
  layoutEl.hidden = restoring;
  restoreView.hidden = !restoring;
  viewSanitizeBtn.setAttribute("aria-pressed", String(!restoring));
  viewRestoreBtn.setAttribute("aria-pressed", String(restoring));
  if (restoring) $("restore-title").focus();
}
viewSanitizeBtn.addEventListener("click", () => showView(false));
viewRestoreBtn.addEventListener("click", () => showView(true));

function restoreMsg(text: string, error = false) {
  restoreStatus.textContent = text;
  restoreStatus.classList.toggle("error", error);
}

/** Fail closed: no output, nothing to copy. */
function clearRestored() {
  restoreSeq++;
  restoreOutput.textContent = "";
  restoreCopy.disabled = true;
  restoreUnknown.replaceChildren();
  restoreUnknownBox.hidden = true;
}

function restoreFail(message: string) {
  clearRestored();
  restoreMsg(message, true);
}

async function restoreCall(text: string, mapping: string) {
  const r = await call({ type: "restore", id: ++seq, text, mapping });
  if (r.type !== "restored") throw new Error("unexpected answer from the engine");
  return r;
}

/** Sets the mapping after checking it with the engine; a bad one is dropped. */
async function useMapping(label: string, json: string) {
  try {
    await restoreCall("", json);
  } catch (e) {
    restoreMap = null;
    restoreSource.textContent = "No mapping loaded.";
    restoreFail(`This mapping cannot be used: ${(e as Error).message}. Nothing was restored.`);
    return false;
  }
  const n = (JSON.parse(json) as { entries: unknown[] }).entries.length;
  restoreMap = { label, json };
  restorePassRow.hidden = true;
  restorePass.value = "";
  restoreSource.textContent = `Mapping: ${label} (${n} replacement${n === 1 ? "" : "s"}), in memory only.`;
  return true;
}

async function runRestore() {
  clearRestored();
  const mine = restoreSeq;
  if (!restoreMap) return restoreFail("Load a mapping first: open a mapping file or use this session's mapping.");
  if (restoreMap.enc && !restoreMap.json) {
    const encMap = restoreMap;
    const pass = restorePass.value;
    if (!pass) return restoreFail("This mapping is encrypted: enter its passphrase.");
    restoreMsg("Decrypting the mapping…");
    let json: string;
    try {
      json = await decrypt(restoreMap.enc, pass);
    } catch (e) {
      return restoreFail(`Could not decrypt the mapping: ${(e as Error).message}. Nothing was restored.`);
    }
    if (restoreMap !== encMap || mine !== restoreSeq) return;
    if (!(await useMapping(encMap.label, json))) return;
  }
  if (mine !== restoreSeq) return;
  try {
    const r = await restoreCall(restoreInput.value, restoreMap.json!);
    if (mine !== restoreSeq) return;
    restoreOutput.textContent = r.text;
    restoreCopy.disabled = false;
    restoreUnknown.replaceChildren(
      ...r.unknown.map((u) => {
        const li = document.createElement("li");
        li.textContent = u;
        return li;
      }),
    );
    restoreUnknownBox.hidden = r.unknown.length === 0;
    restoreMsg(r.unknown.length ? `Restored; ${r.unknown.length} placeholder(s) are not in the mapping (listed below).` : "Restored.");
  } catch (e) {
    restoreFail(`Error: ${(e as Error).message}. Nothing was restored.`);
  }
}

$("restore-run").addEventListener("click", () => void runRestore());
restorePass.addEventListener("keydown", (e) => {
  if (e.key === "Enter") void runRestore();
});
restoreInput.addEventListener("input", () => {
  clearTimeout(restoreTimer);
  if (restoreMap?.json) restoreTimer = window.setTimeout(() => void runRestore(), 150);
});
restoreFile.addEventListener("change", async () => {
  const f = restoreFile.files?.[0];
  restoreFile.value = "";
  if (!f) return;
  clearRestored();
  restoreMap = null;
  restoreSource.textContent = "No mapping loaded.";
  let doc: unknown;
  const text = await f.text();
  try {
    doc = JSON.parse(text);
  } catch {
    return restoreFail(`${f.name} is not a mapping file (not JSON). Nothing was restored.`);
  }
  if (isEncrypted(doc)) {
    restoreMap = { label: f.name, enc: doc };
    restorePassRow.hidden = false;
    restorePass.value = "";
    restoreSource.textContent = `Mapping: ${f.name} (encrypted): enter its passphrase, then Restore.`;
    restoreMsg("");
    restorePass.focus();
    return;
  }
  if (await useMapping(f.name, text)) {
    restoreMsg("");
    if (restoreInput.value) void runRestore();
  }
});
$("restore-session").addEventListener("click", async () => {
  clearRestored();
  const json = current ? JSON.stringify(current.mapping) : await currentBlob?.mappingBlob.text();
  if (!json) return restoreFail("This session has no mapping yet: sanitize a log first (or open a mapping file).");
  if (await useMapping("this session's", json)) {
    restoreMsg("");
    if (restoreInput.value) void runRestore();
  }
});
restoreCopy.addEventListener("click", async () => {
  const text = restoreOutput.textContent ?? "";
  try {
    await navigator.clipboard.writeText(text);
    restoreMsg("Copied the restored text to the clipboard.");
  } catch {
    const range = document.createRange();
    range.selectNodeContents(restoreOutput);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    restoreMsg("Press Ctrl+C to copy the selected text.");
  }
});

// ---------------------------------------------------------------- theme

const THEME_KEY = "logscrub.theme";
const themeBtn = $<HTMLButtonElement>("theme");
function applyTheme(t: string) {
  if (t === "light" || t === "dark") document.documentElement.dataset.theme = t;
  else delete document.documentElement.dataset.theme;
  const name = t === "light" || t === "dark" ? t : "system";
  themeBtn.textContent = `Theme: ${name}`;
  themeBtn.setAttribute("aria-label", `Colour theme: ${name}. Switch theme`);
}
themeBtn.addEventListener("click", () => {
  const order = ["system", "light", "dark"];
  const now = localStorage.getItem(THEME_KEY) ?? "system";
  const next = order[(order.indexOf(now) + 1) % order.length];
  localStorage.setItem(THEME_KEY, next);
  applyTheme(next);
});
applyTheme(localStorage.getItem(THEME_KEY) ?? "system");

// ---------------------------------------------------------------- start

/** Registers the offline cache; resolves when it is active (or unsupported). */
async function offline(): Promise<void> {
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  try {
    await navigator.serviceWorker.register("sw.js");
    await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 5000))]);
  } catch {
    // Offline use is a bonus; the page works without it.
  }
}

startWorker();
// Every request the page makes happens here, before any input: the engine, the team policy,
// the offline cache. After this the page is ready and makes no request at all.
void Promise.all([engineReadyP, P.loadTeamDefault(), offline()]).then(() => {
  buildSidebar();
  fillSidebar();
  document.body.dataset.ready = "true";
  if (input.value) schedule(0);
  else setStatus("Ready. Paste or drop a log. The leak-check verdict shows here.");
});
