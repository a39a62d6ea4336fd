// `npm run eval`: per-set, per-category precision and recall over ../shared/corpus and the
// project's own labelled fixtures, then the peer conformance suite (../shared/peer: presidio's
// recognizer tests and gitleaks' rule true/false positives) run on the release CLI.
// Pass `-- --json` for JSON, `-- --check` to enforce the bars (the peer figures included).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { root, run } from "./lib.mjs";

// Peer suite bars (a ratchet: raise them when the figures improve, never lower them).
// The figures reached are documented in docs/EVALUATION.md.
const PEER_MIN_RECALL = 97.1;
const PEER_MAX_FP = 4.9;

const args = process.argv.slice(2);
const check = args.includes("--check");
const json = args.includes("--json");

run("cargo", ["run", "--quiet", "--release", "--features", "eval", "--bin", "logscrub-eval", "--", ...args]);

// Results go to stdout as text; with --json, stdout stays one JSON document and the peer
// figures go to stderr.
const say = json ? (m) => console.error(m) : (m) => console.log(m);
const peer = join(root, "..", "shared", "peer", "run.py");
if (!existsSync(peer)) {
  say(`peer suite: ${peer} not found`);
  process.exit(check ? 1 : 0);
}
run("cargo", ["build", "--quiet", "--release", "--bin", "logscrub"]);
const r = spawnSync("python3", [peer, join(root, "target", "release", "logscrub")], { cwd: root, encoding: "utf8" });
if (r.error || r.status !== 0) {
  say(`peer suite failed to run: ${r.error?.message ?? r.stderr}`);
  process.exit(1);
}
const line = r.stdout.trim().split("\n").pop() ?? "";
const m = line.match(/^PEER recall=([0-9.]+)% fp=([0-9.]+)%$/);
if (!m) {
  say(`peer suite: unexpected last line ${JSON.stringify(line)}`);
  process.exit(1);
}
say(`${line}  (bars: recall >= ${PEER_MIN_RECALL}%, fp <= ${PEER_MAX_FP}%; failures in target/peer-failures.txt)`);
const recall = Number(m[1]);
const fp = Number(m[2]);
if (check) {
  const failed = [];
  if (recall < PEER_MIN_RECALL) failed.push(`peer recall ${recall}% < ${PEER_MIN_RECALL}%`);
  if (fp > PEER_MAX_FP) failed.push(`peer false positives ${fp}% > ${PEER_MAX_FP}%`);
  if (failed.length > 0) {
    say(`peer bars not met: ${failed.join("; ")}`);
    process.exit(1);
  }
  say("peer bars met");
}
