// Types of the wasm-bindgen output (generated at build time into target/wasm-pkg).
declare module "logscrub-wasm" {
  export default function init(input?: { module_or_path: URL | string }): Promise<unknown>;
  export function version(): string;
  export class Scrubber {
    constructor(policyJson: string);
    sanitize(text: string): unknown;
    static defaultPolicy(): string;
    free(): void;
  }
}
