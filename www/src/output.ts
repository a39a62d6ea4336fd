// The sanitized text: a read-only, virtualised CodeMirror 6 view (like the review), so the whole
// output of a document up to the review limit scrolls smoothly. Rendered as text only.
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { bidiVisible, shadowMount, wrapping } from "./review";

export class OutputView {
  readonly view: EditorView;
  private text = "";

  constructor(private host: HTMLElement) {
    const { shadow, mount } = shadowMount(host);
    this.view = new EditorView({ parent: mount, root: shadow, state: this.makeState("") });
  }

  private makeState(doc: string): EditorState {
    return EditorState.create({
      doc,
      extensions: [
        EditorState.readOnly.of(true),
        bidiVisible,
        wrapping(doc),
        EditorView.contentAttributes.of({ "aria-label": "Sanitized text, read-only", "aria-readonly": "true" }),
      ],
    });
  }

  /** Shows `text` (keeps the scroll position when it is the same). */
  set(text: string) {
    if (text === this.text) return;
    this.text = text;
    this.view.setState(this.makeState(text));
    this.host.dataset.chars = String(text.length);
  }

  /** Selects everything and focuses the view (the Copy fallback: the user presses Ctrl+C). */
  selectAll() {
    this.view.focus();
    this.view.dispatch({ selection: { anchor: 0, head: this.view.state.doc.length } });
  }
}
