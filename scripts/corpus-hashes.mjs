// `node scripts/corpus-hashes.mjs [--bin PATH] [--corpus DIR] [--jobs N]`: runs the CLI with
// the default policy over every file of ../shared/corpus and prints, per file, the exit
// status and the SHA-256 of what it wrote to standard output, for `logscrub FILE`
// (sanitize) and `logscrub check FILE`. Two builds that print the same table behave the
// same on the corpus: a speed change must leave it unchanged. Hashes only: no value of the
// corpus is printed. `--jobs N` (default 1) passes `--jobs N` to sanitize (the CLI's
// parallel second pass), whose output must be the same as with one job.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { root } from "./lib.mjs";

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const bin = opt("--bin", join(root, "target", "release", "logscrub"));
const corpus = opt("--corpus", join(root, "..", "shared", "corpus"));
const jobs = opt("--jobs", null);
if (!existsSync(bin)) {
  console.error(`${bin} not found: run cargo build --release --bin logscrub first`);
  process.exit(2);
}
if (!existsSync(corpus)) {
  console.error(`${corpus} not found; pass --corpus DIR`);
  process.exit(2);
}

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

function hashRun(args) {
  const r = spawnSync(bin, args, { maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: "1" } });
  if (r.error) {
    console.error(`cannot run ${bin}: ${r.error.message}`);
    process.exit(2);
  }
  return `${r.status} ${createHash("sha256").update(r.stdout).digest("hex")}`;
}

const extra = jobs === null ? [] : ["--jobs", jobs];
for (const f of files(corpus)) {
  const name = relative(corpus, f);
  const sanitize = hashRun([...extra, f]);
  const check = hashRun(["check", f]);
  console.log(`${name}\tsanitize ${sanitize}\tcheck ${check}`);
}
