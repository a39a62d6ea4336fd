// The report file (Report button, reports/*.report.json in the ZIP): what was found, where and
// how it was replaced, never an original value. Built field by field from an allowlist, so a
// field the engine adds later (or a finding's `value`) cannot slip into a file people attach to
// tickets. Only the mapping holds originals.
import type { Report } from "./protocol";

const pick = <T extends object>(o: T, keys: (keyof T)[]) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

/** The report document for `file` (a name already run through the engine). */
export function reportDoc(file: string, r: Report): Record<string, unknown> {
  return {
    file,
    ...pick(r, [
      "input_bytes",
      "output_bytes",
      "lossy_input",
      "findings",
      "counts",
      "strategy_counts",
      "not_restorable",
      "allowlisted",
      "policy_fingerprint",
      "input_sha256",
      "output_sha256",
      "residual",
      "leak_replaced",
      "notes_removed",
    ]),
    residuals: (r.residuals ?? []).map((x) => ({ start: x.start, end: x.end, category: x.category, kind: x.kind })),
    ...(r.finding_list
      ? { finding_list: r.finding_list.map((f) => ({ category: f.category, rule: f.rule, strategy: f.strategy, start: f.start, end: f.end })) }
      : {}),
    notices: r.notices ?? [],
  };
}

export const reportJson = (file: string, r: Report) => JSON.stringify(reportDoc(file, r), null, 2);
