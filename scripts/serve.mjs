// A tiny static file server for dist/ (used by `npm start` and the browser tests).
import { createServer } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { HEADERS } from "./headers.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

export function serve(dir, port, host = "127.0.0.1") {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let path = normalize(join(dir, decodeURIComponent(url.pathname)));
    if (!path.startsWith(dir + sep) && path !== dir) {
      res.writeHead(403, HEADERS).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!existsSync(path)) {
      res.writeHead(404, { ...HEADERS, "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      ...HEADERS,
      "content-type": TYPES[extname(path)] ?? "application/octet-stream",
      "cache-control": "no-cache",
      "last-modified": statSync(path).mtime.toUTCString(),
    });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

/** Listens on the first free port from `start`. */
export async function serveOnFreePort(dir, start = 8080) {
  for (let port = start; port < start + 100; port++) {
    try {
      const server = await serve(dir, port);
      return { server, port };
    } catch (e) {
      if (e.code !== "EADDRINUSE") throw e;
    }
  }
  throw new Error(`no free port between ${start} and ${start + 99}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = normalize(process.argv[2] ?? "dist");
  const port = Number(process.argv[3] ?? 8080);
  await serve(join(process.cwd(), dir), port);
  console.log(`serving ${dir} on http://127.0.0.1:${port}/`);
}
