// "Always keep / always redact" decisions, kept in this browser without the values: each is a
// keyed hash (HMAC-SHA-256 of the lower-cased value, with a random key made for this browser)
// and the value's length, enough for the worker to recognise the value in a later text.
import { bucket, seedOf, type Remembered, type RememberedRule } from "./protocol";

export const REMEMBER_KEY = "logscrub.remembered";
export const REMEMBER_HMAC_KEY = "logscrub.rememberKey";

type Kind = "keep" | "redact";

function load(): Remembered | null {
  try {
    const doc = JSON.parse(localStorage.getItem(REMEMBER_KEY) ?? "null") as Partial<Remembered> | null;
    const key = localStorage.getItem(REMEMBER_HMAC_KEY);
    if (!doc || !key) return null;
    return { key, keep: Array.isArray(doc.keep) ? doc.keep : [], redact: Array.isArray(doc.redact) ? doc.redact : [] };
  } catch {
    return null;
  }
}

/** What the worker needs to recognise remembered values; undefined when there are none. */
export function remembered(): Remembered | undefined {
  const r = load();
  return r && (r.keep.length || r.redact.length) ? r : undefined;
}

export function count(): number {
  const r = load();
  return r ? r.keep.length + r.redact.length : 0;
}

function keyB64(): string {
  let key = localStorage.getItem(REMEMBER_HMAC_KEY);
  if (!key) {
    key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    localStorage.setItem(REMEMBER_HMAC_KEY, key);
  }
  return key;
}

async function rule(value: string): Promise<RememberedRule> {
  const raw = Uint8Array.from(atob(keyB64()), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const sig = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(value.toLowerCase()));
  const lower = value.toLowerCase();
  return { h: Array.from(new Uint8Array(sig), (x) => x.toString(16).padStart(2, "0")).join(""), n: value.length, b: bucket(seedOf(keyB64()), lower) };
}

/** Remembers (`add`) or forgets a value for `kind`. */
export async function edit(kind: Kind, value: string, add: boolean): Promise<void> {
  const r = await rule(value);
  const doc = load() ?? { key: keyB64(), keep: [], redact: [] };
  for (const k of ["keep", "redact"] as const) doc[k] = doc[k].filter((x) => x.h !== r.h);
  if (add) doc[kind].push(r);
  localStorage.setItem(REMEMBER_KEY, JSON.stringify({ keep: doc.keep, redact: doc.redact }));
}

export async function has(kind: Kind, value: string): Promise<boolean> {
  const doc = load();
  if (!doc || doc[kind].length === 0) return false;
  const r = await rule(value);
  return doc[kind].some((x) => x.h === r.h);
}

/** Forgets every remembered value and the key. */
export function clear() {
  localStorage.removeItem(REMEMBER_KEY);
  localStorage.removeItem(REMEMBER_HMAC_KEY);
}
