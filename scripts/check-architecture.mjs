// `node scripts/check-architecture.mjs`: docs/ARCHITECTURE.md names every source file of the
// core, the callers and the page, so that it stays true as files come and go. A file is
// named by its path, or by its file name in the row of a folder the page names (`email.rs`
// in the `src/detect/` row); `mod.rs` and `tests.rs` are named by their folder. Exits 1 with
// the list of files it does not name.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { root } from "./lib.mjs";

const doc = readFileSync(join(root, "docs", "ARCHITECTURE.md"), "utf8");
const rows = doc.split("\n").filter((r) => r.startsWith("|"));

function files(dir, exts) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(relative(root, p).split(sep).join("/"));
  }
  return out;
}

const all = [
  ...files(join(root, "src"), [".rs"]),
  ...files(join(root, "crates", "python", "src"), [".rs"]),
  ...files(join(root, "www", "src"), [".ts"]),
];

function named(path) {
  if (doc.includes("`" + path + "`")) return true;
  const parts = path.split("/");
  const base = parts[parts.length - 1];
  // The nearest folder the page names, and the row that names it.
  for (let i = parts.length - 1; i > 0; i--) {
    const folder = parts.slice(0, i).join("/") + "/";
    const row = rows.find((r) => r.includes("`" + folder + "`"));
    if (!row) continue;
    if (base === "mod.rs" || base === "tests.rs" || i < parts.length - 1) {
      // A file of a sub-folder is named when the sub-folder is (`secret/` in the detect row).
      const sub = i < parts.length - 1 ? parts[i] + "/" : null;
      if (base === "mod.rs" || base === "tests.rs") {
        if (!sub || row.includes("`" + sub) || rows.some((r) => r.includes("`" + folder + sub + "`"))) return true;
      } else if (sub && (row.includes("`" + sub) || row.includes("`" + folder + sub + "`"))) {
        return true;
      } else if (sub && row.includes("`" + sub + base + "`")) {
        return true;
      }
    }
    return row.includes("`" + base + "`") || row.includes("`" + base.replace(/\.(rs|ts)$/, "") + "`");
  }
  return false;
}

const missing = all.filter((p) => !named(p));
if (missing.length) {
  console.error(`docs/ARCHITECTURE.md does not name these files (give each a line on its job):\n  ${missing.join("\n  ")}`);
  process.exit(1);
}
console.log(`docs/ARCHITECTURE.md names all ${all.length} source files`);
