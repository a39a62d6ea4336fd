// `npm start`: install what is missing, build, serve dist/ on localhost, print the URL.
import { join } from "node:path";
import { buildAll } from "./build.mjs";
import { log, root } from "./lib.mjs";
import { serveOnFreePort } from "./serve.mjs";

await buildAll();
const { port } = await serveOnFreePort(join(root, "dist"), Number(process.env.PORT ?? 8080));
log(`logscrub is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
