// `npm run eval`: per-set, per-category precision and recall over ../shared/corpus and the
// project's own labelled fixtures. Pass `-- --json` for JSON, `-- --check` to enforce the bars.
import { run } from "./lib.mjs";

run("cargo", ["run", "--quiet", "--release", "--features", "eval", "--bin", "logscrub-eval", "--", ...process.argv.slice(2)]);
