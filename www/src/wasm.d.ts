// Types of the wasm-bindgen output (generated at build time into target/wasm-pkg).
declare module "logscrub-wasm" {
  export default function init(input?: { module_or_path: URL | string }): Promise<unknown>;
  export function version(): string;
  export function categories(): unknown;
  export function strategies(): string[];
  export function restore(text: string, mappingJson: string): unknown;
  export class Scrubber {
    constructor(policyJson: string, key?: Uint8Array);
    sanitize(text: string): unknown;
    static defaultPolicy(): string;
    free(): void;
  }
  export class ScrubStream {
    constructor(policyJson: string, key?: Uint8Array);
    /** First pass: every chunk of the input, before the first `feed`. */
    learn(chunk: string): void;
    feed(chunk: string): string;
    consumed(): number;
    finish(): unknown;
    free(): void;
  }
}

declare module "*.css" {
  const text: string;
  export default text;
}
