// The HTTP headers the site should be served with: the local server sends them and the build
// writes them into dist/ for common static hosts. A <meta> CSP binds the document only; as a
// header it also binds the worker (which holds the text) and the service worker, and
// frame-ancestors works only as a header.
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export const HEADERS = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()",
};

/** Ready-made header files for static hosts: name in dist/ → content. */
export function headerFiles() {
  const entries = Object.entries(HEADERS);
  return {
    // Netlify and Cloudflare Pages.
    _headers: `/*\n${entries.map(([k, v]) => `  ${k}: ${v}`).join("\n")}\n`,
    // nginx: `include` it inside the location that serves this folder.
    "logscrub.nginx.conf": `# include this in the location block that serves logscrub\n${entries.map(([k, v]) => `add_header ${k} "${v}" always;`).join("\n")}\n`,
    // Apache (mod_headers).
    ".htaccess": `<IfModule mod_headers.c>\n${entries.map(([k, v]) => `  Header always set ${k} "${v}"`).join("\n")}\n</IfModule>\n`,
  };
}
