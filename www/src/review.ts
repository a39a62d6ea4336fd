// The review view: a read-only, virtualised CodeMirror 6 editor showing the original text with
// every finding marked in its category colour. Text from the log is only ever rendered as text.
import { EditorState, StateEffect, StateField, type Range } from "@codemirror/state";
import {
  Decoration,
  type DecorationSet,
  EditorView,
  hoverTooltip,
  keymap,
  showTooltip,
  type Tooltip,
  ViewPlugin,
  WidgetType,
  type ViewUpdate,
} from "@codemirror/view";
import type { Finding, Residual } from "./protocol";
import reviewCss from "./review.css";

export interface ReviewItem {
  from: number;
  to: number;
  /** A finding the engine replaced, a value the user chose to keep, or a value the leak check
   * found still in the output. */
  kind: "finding" | "kept" | "residual";
  category: string;
  value: string;
  finding?: Finding;
  residual?: Residual;
}

export interface ReviewActions {
  toggle(item: ReviewItem): void;
  redact(text: string): void;
  announce(message: string): void;
}

/** A bidirectional control, shown as its code point: never applied to the text around it. */
class Control extends WidgetType {
  constructor(readonly code: string) {
    super();
  }
  eq(other: Control) {
    return other.code === this.code;
  }
  toDOM() {
    const span = document.createElement("span");
    span.className = "cm-specialChar";
    span.textContent = `⟨U+${this.code}⟩`;
    span.title = `Bidirectional control U+${this.code}, shown and not applied`;
    return span;
  }
}

const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

function controls(view: EditorView): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  for (const { from, to } of view.visibleRanges) {
    for (const m of view.state.sliceDoc(from, to).matchAll(BIDI)) {
      const at = from + m.index;
      ranges.push(Decoration.replace({ widget: new Control(m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")) }).range(at, at + 1));
    }
  }
  return Decoration.set(ranges);
}

/** Bidirectional controls (a right-to-left override can make a value read as another) are
 * shown as placeholders in the review and the output, never obeyed. */
export const bidiVisible = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = controls(view);
    }
    update(u: ViewUpdate) {
      if (u.viewportChanged || u.docChanged) this.decorations = controls(u.view);
    }
  },
  { decorations: (v) => v.decorations },
);

/** Lines wrap, unless one is so long that laying it out wrapped would hold the page for
 * seconds (a one-line log of megabytes): then the views scroll sideways, and CodeMirror draws
 * only the visible part of the line. */
const LONG_LINE = 100_000;
export function wrapping(doc: string) {
  let start = 0;
  for (let i = doc.indexOf("\n"); ; i = doc.indexOf("\n", i + 1)) {
    const end = i < 0 ? doc.length : i;
    if (end - start > LONG_LINE) return [];
    if (i < 0) return EditorView.lineWrapping;
    start = i + 1;
  }
}

const setItems = StateEffect.define<ReviewItem[]>();
const setCurrent = StateEffect.define<number>();

function describe(item: ReviewItem): string {
  if (item.kind === "residual") return `Leak check failed: this ${item.category} value is still in the output (${item.residual?.kind ?? "residual"}). Press r to redact the selection.`;
  if (item.kind === "kept") return `Kept as is (you marked it a false positive). Activate to redact it again.`;
  const f = item.finding!;
  return `${f.category} · rule ${f.rule} · ${f.reason} → ${f.replacement || "(removed)"}`;
}

function tooltipDom(item: ReviewItem): HTMLElement {
  const dom = document.createElement("div");
  dom.className = "finding-tip";
  const head = document.createElement("strong");
  head.textContent = item.kind === "kept" ? "Kept" : item.kind === "residual" ? "Leak check failed" : item.category;
  dom.append(head);
  if (item.kind === "residual") {
    const what = document.createElement("div");
    what.textContent = `This ${item.category} value is still in the output (${item.residual?.kind ?? "residual"}): the result is withheld.`;
    const hint = document.createElement("div");
    hint.className = "tip-hint";
    hint.textContent = "Select it and press r to redact it by hand.";
    dom.append(what, hint);
    return dom;
  }
  if (item.finding) {
    const rule = document.createElement("div");
    rule.textContent = `Rule: ${item.finding.rule}`;
    const reason = document.createElement("div");
    reason.textContent = `Reason: ${item.finding.reason}`;
    const repl = document.createElement("div");
    repl.textContent = `Replaced by: ${item.finding.replacement || "(removed)"}`;
    dom.append(rule, reason, repl);
  }
  const hint = document.createElement("div");
  hint.className = "tip-hint";
  hint.textContent = item.kind === "kept" ? "Click or press t to redact it again." : "Click or press t to keep it (false positive).";
  dom.append(hint);
  return dom;
}

/** Index of the item covering `pos`, or -1 (items are sorted and do not overlap). */
function itemAt(items: ReviewItem[], pos: number, side = 0): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const it = items[mid];
    if (pos < it.from || (pos === it.from && side < 0)) hi = mid - 1;
    else if (pos > it.to || (pos === it.to && side > 0)) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const itemsField = StateField.define<{ items: ReviewItem[]; current: number }>({
  create: () => ({ items: [], current: -1 }),
  update(value, tr) {
    let next = value;
    for (const e of tr.effects) {
      if (e.is(setItems)) next = { items: e.value, current: -1 };
      else if (e.is(setCurrent)) next = { ...next, current: e.value };
    }
    return next;
  },
  provide: (f) =>
    showTooltip.computeN([f], (state): readonly (Tooltip | null)[] => {
      const { items, current } = state.field(f);
      const it = items[current];
      if (!it) return [];
      return [{ pos: it.from, end: it.to, above: true, create: () => ({ dom: tooltipDom(it) }) }];
    }),
});

/** The marks of the items in view only: tens of thousands of findings on the page would take
 * the main thread for a noticeable time to mark all at once. */
function visibleMarks(view: EditorView): DecorationSet {
  const { items } = view.state.field(itemsField);
  const len = view.state.doc.length;
  const ranges: Range<Decoration>[] = [];
  let i = 0;
  for (const { from, to } of view.visibleRanges) {
    // The first item ending after `from` (items are sorted and do not overlap).
    let lo = i;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid].to <= from) lo = mid + 1;
      else hi = mid;
    }
    for (i = lo; i < items.length && items[i].from < to; i++) {
      const it = items[i];
      if (it.to <= it.from || it.to > len) continue;
      ranges.push(
        Decoration.mark({
          class: it.kind === "kept" ? `cm-kept c-${it.category}` : it.kind === "residual" ? "cm-residual" : `cm-finding c-${it.category}`,
          attributes: { "data-i": String(i) },
        }).range(it.from, it.to),
      );
    }
  }
  return Decoration.set(ranges, true);
}

const marks = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = visibleMarks(view);
    }
    update(u: ViewUpdate) {
      if (u.viewportChanged || u.docChanged || u.startState.field(itemsField) !== u.state.field(itemsField)) this.decorations = visibleMarks(u.view);
    }
  },
  { decorations: (v) => v.decorations },
);

/** A shadow root on `host` with the editors' stylesheet and a mount point for an editor. */
export function shadowMount(host: HTMLElement): { shadow: ShadowRoot; mount: HTMLDivElement } {
  const shadow = host.attachShadow({ mode: "open" });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(reviewCss);
  shadow.adoptedStyleSheets = [sheet];
  const mount = document.createElement("div");
  mount.className = "mount";
  shadow.append(mount);
  return { shadow, mount };
}

export class Review {
  readonly view: EditorView;
  private text = "";

  constructor(parent: HTMLElement, private actions: ReviewActions) {
    // CodeMirror injects its styles; in a shadow root it uses a constructable stylesheet,
    // which the page's CSP (style-src 'self', no inline styles) allows.
    const { shadow, mount } = shadowMount(parent);
    this.view = new EditorView({ parent: mount, root: shadow, state: this.makeState("") });
  }

  private makeState(doc: string): EditorState {
    const hover = hoverTooltip((view, pos, side) => {
      const { items } = view.state.field(itemsField);
      const i = itemAt(items, pos, side);
      if (i < 0) return null;
      const it = items[i];
      return { pos: it.from, end: it.to, above: true, create: () => ({ dom: tooltipDom(it) }) };
    });
    return EditorState.create({
      doc,
      extensions: [
        EditorState.readOnly.of(true),
        bidiVisible,
        wrapping(doc),
        itemsField,
        marks,
        hover,
        keymap.of([
          { key: "n", run: () => this.move(1) },
          { key: "Alt-ArrowDown", run: () => this.move(1) },
          { key: "p", run: () => this.move(-1) },
          { key: "Alt-ArrowUp", run: () => this.move(-1) },
          { key: "t", run: () => this.toggleCurrent() },
          { key: "Enter", run: () => this.toggleCurrent() },
          { key: "r", run: () => this.redactSelection() },
        ]),
        EditorView.contentAttributes.of({
          "aria-label":
            "Original text with findings highlighted, read-only. Keys: n next finding, p previous, t keep or redact it, r redact the selected text.",
          "aria-readonly": "true",
        }),
        EditorView.domEventHandlers({
          click: (e, view) => {
            const target = (e.target as HTMLElement | null)?.closest?.("[data-i]");
            if (!target || !view.state.selection.main.empty) return false;
            const i = Number(target.getAttribute("data-i"));
            const it = view.state.field(itemsField).items[i];
            if (it) this.actions.toggle(it);
            return true;
          },
        }),
      ],
    });
  }

  /** Shows `text` with `items` (sorted by `from`). Keeps the scroll position when the text is the same. */
  set(text: string, items: ReviewItem[]) {
    if (text !== this.text) {
      this.text = text;
      this.view.setState(this.makeState(text));
    }
    this.view.dispatch({ effects: setItems.of(items) });
  }

  items(): ReviewItem[] {
    return this.view.state.field(itemsField).items;
  }

  move(dir: 1 | -1): boolean {
    const { items, current } = this.view.state.field(itemsField);
    if (items.length === 0) {
      this.actions.announce("No findings.");
      return true;
    }
    let i: number;
    if (current >= 0) i = (current + dir + items.length) % items.length;
    else {
      const head = this.view.state.selection.main.head;
      i = dir > 0 ? items.findIndex((it) => it.from >= head) : items.length - 1 - [...items].reverse().findIndex((it) => it.to <= head);
      if (i < 0 || i >= items.length) i = dir > 0 ? 0 : items.length - 1;
    }
    const it = items[i];
    this.view.dispatch({
      selection: { anchor: it.from, head: it.to },
      effects: [setCurrent.of(i), EditorView.scrollIntoView(it.from, { y: "center" })],
    });
    this.actions.announce(`Finding ${i + 1} of ${items.length}: ${describe(it)}`);
    return true;
  }

  /** Selects `item` and scrolls it into view (without taking the focus). */
  reveal(item: ReviewItem) {
    const i = this.items().indexOf(item);
    if (i < 0) return;
    this.view.dispatch({
      selection: { anchor: item.from, head: item.to },
      effects: [setCurrent.of(i), EditorView.scrollIntoView(item.from, { y: "center" })],
    });
    this.actions.announce(describe(item));
  }

  current(): ReviewItem | undefined {
    const { items, current } = this.view.state.field(itemsField);
    return items[current];
  }

  toggleCurrent(): boolean {
    const it = this.current();
    if (it) this.actions.toggle(it);
    else this.actions.announce("No current finding: press n to go to the next one.");
    return true;
  }

  redactSelection(): boolean {
    const sel = this.view.state.selection.main;
    const text = this.view.state.sliceDoc(sel.from, sel.to).trim();
    if (!text || text.includes("\n")) {
      this.actions.announce("Select a word or phrase on one line first.");
      return true;
    }
    this.actions.redact(text);
    return true;
  }
}
