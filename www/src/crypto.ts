// The encrypted mapping file: AES-256-GCM with a PBKDF2-SHA-256 key; WebCrypto only.

export const FORMAT = "logscrub-mapping-v1";
const ITERATIONS = 600_000;

export interface EncryptedMapping {
  format: string;
  kdf: string;
  iterations: number;
  cipher: string;
  salt: string;
  iv: string;
  data: string;
}

/** Base64 of any size: the bytes go to String.fromCharCode in slices (a spread of the whole
 * buffer overflows the call stack above about 125 KB). */
export function b64(b: ArrayBuffer | Uint8Array): string {
  const u = new Uint8Array(b);
  let bin = "";
  for (let i = 0; i < u.length; i += 0x8000) bin += String.fromCharCode(...u.subarray(i, i + 0x8000));
  return btoa(bin);
}

function unb64(s: unknown, what: string): Uint8Array<ArrayBuffer> {
  if (typeof s !== "string") throw new Error(`the encrypted mapping has no ${what}`);
  let bin: string;
  try {
    bin = atob(s);
  } catch {
    throw new Error(`the encrypted mapping's ${what} is not base64`);
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function deriveKey(pass: string, salt: Uint8Array<ArrayBuffer>, iterations: number, use: KeyUsage) {
  const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(pass), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", salt, iterations, hash: "SHA-256" }, base, { name: "AES-GCM", length: 256 }, false, [use]);
}

/** Encrypts the mapping JSON with a passphrase. */
export async function encrypt(text: string, pass: string): Promise<EncryptedMapping> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(pass, salt, ITERATIONS, "encrypt");
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(text));
  return { format: FORMAT, kdf: "PBKDF2-SHA256", iterations: ITERATIONS, cipher: "AES-256-GCM", salt: b64(salt), iv: b64(iv), data: b64(data) };
}

/** Whether a parsed JSON document is an encrypted mapping (rather than a plain one). */
export function isEncrypted(doc: unknown): doc is EncryptedMapping {
  return typeof doc === "object" && doc !== null && (doc as { format?: unknown }).format === FORMAT;
}

/** Decrypts an encrypted mapping; throws a readable Error on a wrong passphrase or a damaged file. */
export async function decrypt(doc: EncryptedMapping, pass: string): Promise<string> {
  if (doc.kdf !== "PBKDF2-SHA256" || doc.cipher !== "AES-256-GCM") {
    throw new Error(`unsupported encryption (${String(doc.kdf)}, ${String(doc.cipher)})`);
  }
  // Bounded: a crafted file must not make the page derive a key forever.
  if (!Number.isInteger(doc.iterations) || doc.iterations < 100_000 || doc.iterations > 10_000_000) {
    throw new Error("the encrypted mapping has an invalid iteration count");
  }
  const salt = unb64(doc.salt, "salt");
  const iv = unb64(doc.iv, "iv");
  const data = unb64(doc.data, "data");
  if (iv.length !== 12 || salt.length < 8) throw new Error("the encrypted mapping's salt or iv is invalid");
  const key = await deriveKey(pass, salt, doc.iterations, "decrypt");
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv }, key, data);
  } catch {
    throw new Error("wrong passphrase, or the file is damaged");
  }
  return new TextDecoder("utf-8", { fatal: true }).decode(plain);
}
