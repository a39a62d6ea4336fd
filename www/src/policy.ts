// The policy document (the same JSON the CLI reads), its persistence and the session's
// review decisions layered on top of it.

export interface PolicyDoc {
  version: number;
  categories?: Record<string, boolean>;
  strategies?: Record<string, string>;
  default_strategy?: string;
  allowlist?: { values?: string[]; email_domains?: string[]; cidrs?: string[]; patterns?: string[] };
  custom_rules?: { label: string; pattern: string }[];
  deny_terms?: string[];
  [extra: string]: unknown;
}

export const POLICY_KEY = "logscrub.policy";

/** Strategy names the engine accepts (the engine tells the page at start). */
export const STRATEGIES: string[] = ["numbered", "label", "remove"];

/** The team default (policy.json next to index.html), or the built-in default. */
let teamDefault = "";

/** Where the team default came from: its Last-Modified date, and whether the offline cache
 * answered because the network did not. */
let teamInfo: { modified: string | null; cached: boolean } | null = null;

/** Fetches the team's default policy once, at load, before any user input. Same origin only.
 * The service worker answers from the network first, from its cache when offline. */
export async function loadTeamDefault(): Promise<void> {
  try {
    const res = await fetch("policy.json", { cache: "no-cache", credentials: "omit" });
    if (res.ok) {
      teamDefault = (await res.text()).trim();
      teamInfo = { modified: res.headers.get("last-modified"), cached: res.headers.get("x-logscrub-cache") === "offline" };
    }
  } catch {
    // No default shipped (or offline without cache): the built-in default applies.
  }
}

/** Which policy is in force, in words. */
export function policySource(): string {
  if (localStorage.getItem(POLICY_KEY) !== null) return "Policy in force: your settings, saved in this browser.";
  if (!teamDefault) return "Policy in force: the built-in default.";
  const date = teamInfo?.modified ? `, last modified ${teamInfo.modified}` : ", no date given";
  return `Policy in force: the team policy (policy.json${date})${teamInfo?.cached ? ", the copy cached for offline use" : ""}.`;
}

export function teamDefaultJson(): string {
  return teamDefault;
}

/** The stored policy text (may be invalid: the engine says why and the page fails closed). */
export function storedJson(): string {
  return localStorage.getItem(POLICY_KEY) ?? teamDefault;
}

export function store(json: string) {
  localStorage.setItem(POLICY_KEY, json);
}

export function resetStored() {
  localStorage.removeItem(POLICY_KEY);
}

/** The stored policy as an object, or null when it is not valid JSON. */
export function storedDoc(): PolicyDoc | null {
  const raw = storedJson();
  if (!raw.trim()) return { version: 1 };
  try {
    const doc = JSON.parse(raw) as unknown;
    if (doc && typeof doc === "object" && !Array.isArray(doc)) return doc as PolicyDoc;
    return null;
  } catch {
    return null;
  }
}

export function saveDoc(doc: PolicyDoc) {
  store(JSON.stringify(clean(doc), null, 2));
}

/** Drops empty sections so the exported file stays readable. */
function clean(doc: PolicyDoc): PolicyDoc {
  const out: PolicyDoc = { ...doc };
  const a = out.allowlist;
  if (a) {
    for (const k of ["values", "email_domains", "cidrs", "patterns"] as const) if (a[k] && a[k]!.length === 0) delete a[k];
    if (Object.keys(a).length === 0) delete out.allowlist;
  }
  for (const k of ["categories", "strategies"] as const) if (out[k] && Object.keys(out[k]!).length === 0) delete out[k];
  if (out.custom_rules?.length === 0) delete out.custom_rules;
  if (out.deny_terms?.length === 0) delete out.deny_terms;
  return out;
}

/** Session decisions: values kept (false positives) and terms redacted by hand. */
export interface Session {
  kept: Set<string>;
  redacted: Set<string>;
}

/** The policy the engine runs: stored policy + this session's decisions. */
export function effectiveJson(session: Session): string {
  if (session.kept.size === 0 && session.redacted.size === 0) return storedJson();
  const doc = storedDoc();
  if (doc === null) return storedJson(); // invalid: let the engine explain
  const allowlist = { ...(doc.allowlist ?? {}) };
  allowlist.values = unique([...(allowlist.values ?? []), ...session.kept]);
  const deny = unique([...(doc.deny_terms ?? []), ...session.redacted]);
  return JSON.stringify({ ...doc, allowlist, deny_terms: deny });
}

export function unique(xs: string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = x.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Adds (or removes) a value in the stored allowlist / deny terms ("always for this value"). */
export function editStoredList(list: "allow" | "deny", value: string, add: boolean) {
  const doc = storedDoc();
  if (doc === null) return;
  const lower = value.toLowerCase();
  if (list === "allow") {
    const a = { ...(doc.allowlist ?? {}) };
    const vals = (a.values ?? []).filter((v) => v.toLowerCase() !== lower);
    a.values = add ? [...vals, value] : vals;
    doc.allowlist = a;
  } else {
    const vals = (doc.deny_terms ?? []).filter((v) => v.toLowerCase() !== lower);
    doc.deny_terms = add ? [...vals, value] : vals;
  }
  saveDoc(doc);
}

export function storedHas(list: "allow" | "deny", value: string): boolean {
  const doc = storedDoc();
  const lower = value.toLowerCase();
  const vals = list === "allow" ? doc?.allowlist?.values : doc?.deny_terms;
  return (vals ?? []).some((v) => v.toLowerCase() === lower);
}
