// Before/after of an audited change: keep only the fields that changed (when writing), and list
// them key by key for people to read (when showing). Pure.

export type JsonRecord = Record<string, unknown>;

function same(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The subset of keys whose values differ, as `{ before, after }` (null when nothing changed). */
export function changedFields<T extends JsonRecord>(before: T, after: T): { before: Partial<T>; after: Partial<T> } | null {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out = { before: {} as Partial<T>, after: {} as Partial<T> };
  let changed = false;
  for (const key of keys) {
    if (same(before[key], after[key])) continue;
    changed = true;
    out.before[key as keyof T] = before[key] as T[keyof T];
    out.after[key as keyof T] = after[key] as T[keyof T];
  }
  return changed ? out : null;
}

export type DiffLine = { key: string; before: string; after: string };

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(", ") : "—";
  if (isRecord(value)) return JSON.stringify(value);
  return String(value);
}

/** One line per key present before or after whose value differs, for the audit table. */
export function diffLines(before: unknown, after: unknown): DiffLine[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys
    .filter((key) => !same(b[key], a[key]))
    .map((key) => ({ key, before: formatValue(b[key]), after: formatValue(a[key]) }));
}
