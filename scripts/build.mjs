// `npm run build`: the Rust core to wasm, the TypeScript to ES modules, all into dist/.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { ensureTools, log, root, run } from "./lib.mjs";
import { headerFiles } from "./headers.mjs";

export async function buildAll() {
  ensureTools();
  // Imported only now: on a fresh checkout ensureTools() has just installed it.
  const { build, transform } = await import("esbuild");
  // The editors' stylesheet is bundled as text: minified first.
  const cssText = {
    name: "css-text",
    setup(b) {
      b.onLoad({ filter: /\.css$/ }, async (a) => ({
        contents: (await transform(readFileSync(a.path, "utf8"), { loader: "css", minify: true })).code,
        loader: "text",
      }));
    },
  };
  const dist = join(root, "dist");
  const pkg = join(root, "target", "wasm-pkg");
  log("building the Rust core for wasm32");
  run("cargo", ["build", "--lib", "--target", "wasm32-unknown-unknown", "--profile", "wasm-release"]);
  const wasm = join(root, "target", "wasm32-unknown-unknown", "wasm-release", "logscrub.wasm");
  const optimised = join(pkg, "logscrub_bg.wasm");
  // wasm-opt takes minutes: skipped when the engine has not changed since the last build.
  if (existsSync(optimised) && existsSync(join(pkg, "logscrub.js")) && statSync(optimised).mtimeMs > statSync(wasm).mtimeMs) {
    log("the wasm is unchanged since the last build: reusing it");
  } else {
    run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", pkg, "--out-name", "logscrub", wasm]);
    log("optimising the wasm with wasm-opt");
    run("wasm-opt", ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
      "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
      optimised, "-o", optimised]);
  }

  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  log("bundling the TypeScript");
  await build({
    entryPoints: { app: join(root, "www", "src", "main.ts"), worker: join(root, "www", "src", "worker.ts") },
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap: false,
    outdir: dist,
    alias: { "logscrub-wasm": join(pkg, "logscrub.js") },
    plugins: [cssText],
    logLevel: "warning",
  });
  cpSync(join(pkg, "logscrub_bg.wasm"), join(dist, "logscrub_bg.wasm"));
  for (const f of ["index.html", "style.css", "favicon.svg", "policy.json"]) {
    cpSync(join(root, "www", f), join(dist, f));
  }
  // The service worker caches the app shell and serves a cached file only when it matches the
  // SHA-256 written here; its version is a hash of them all. policy.json is the team's to
  // change without a build: network first, never pinned.
  const shell = ["index.html", "app.js", "worker.js", "logscrub_bg.wasm", "style.css", "favicon.svg"];
  const hashes = {};
  const hash = createHash("sha256");
  for (const f of shell) {
    const bytes = readFileSync(join(dist, f));
    hashes[f] = createHash("sha256").update(bytes).digest("base64");
    hash.update(bytes);
  }
  await build({
    entryPoints: { sw: join(root, "www", "src", "sw.ts") },
    bundle: true,
    format: "iife",
    target: "es2022",
    minify: true,
    outdir: dist,
    define: { __HASHES__: JSON.stringify(hashes), __VERSION__: JSON.stringify(hash.digest("hex").slice(0, 16)) },
    logLevel: "warning",
  });
  for (const [name, text] of Object.entries(headerFiles())) writeFileSync(join(dist, name), text);
  const sizes = {};
  for (const f of ["logscrub_bg.wasm", "app.js", "worker.js", "sw.js", "style.css", "index.html"]) {
    const buf = readFileSync(join(dist, f));
    sizes[f] = { bytes: statSync(join(dist, f)).size, gzip: gzipSync(buf, { level: 9 }).length };
  }
  writeFileSync(join(root, "target", "dist-sizes.json"), JSON.stringify(sizes, null, 2));
  const total = Object.values(sizes).reduce((a, s) => a + s.gzip, 0);
  log(`dist/ written: ${Object.entries(sizes).map(([f, s]) => `${f} ${(s.gzip / 1024).toFixed(1)} KB gz`).join(", ")}; total ${(total / 1024).toFixed(1)} KB gzipped`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
}
