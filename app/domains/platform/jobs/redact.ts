// What an admin may see of a job's payload (and return value): values under secret-looking keys
// (tokens, links, codes, passwords…) and the job's declared `secretKeys` are replaced, at any
// depth, and e-mail bodies are never shown. Pure.

export const REDACTED = "[redacted]";
export const HIDDEN_BODY = "[e-mail body hidden]";

const SECRET_KEY = /token|secret|password|code|link|otp|key|authorization/i;
const BODY_KEY = /^(html|text|body|markdown|mjml)$/i;
const MAX_DEPTH = 20;

function isSecretKey(key: string, secretKeys: ReadonlySet<string>): boolean {
  return secretKeys.has(key) || SECRET_KEY.test(key);
}

function walk(value: unknown, secretKeys: ReadonlySet<string>, depth: number): unknown {
  if (depth > MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => walk(item, secretKeys, depth + 1));
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const result: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (isSecretKey(key, secretKeys)) result[key] = inner === null || inner === undefined ? inner : REDACTED;
      else if (BODY_KEY.test(key)) result[key] = inner === null || inner === undefined ? inner : HIDDEN_BODY;
      else result[key] = walk(inner, secretKeys, depth + 1);
    }
    return result;
  }
  return value;
}

/** A copy of `value` safe to show in the admin; `secretKeys` are the job definition's own. */
export function redactPayload(value: unknown, secretKeys: readonly string[] = []): unknown {
  return walk(value, new Set(secretKeys), 0);
}

function secretValues(value: unknown, secretKeys: ReadonlySet<string>, found: Set<string>, depth: number, inSecret: boolean) {
  if (depth > MAX_DEPTH) return;
  if (typeof value === "string") {
    if (inSecret && value.length >= 4) found.add(value);
    return;
  }
  if (Array.isArray(value)) for (const item of value) secretValues(item, secretKeys, found, depth + 1, inSecret);
  else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      secretValues(inner, secretKeys, found, depth + 1, inSecret || isSecretKey(key, secretKeys) || BODY_KEY.test(key));
    }
  }
}

/**
 * An error message or stack trace safe to show beside a redacted payload: any value the payload
 * holds under a secret key (a Prisma or HTTP error may quote its arguments) is replaced.
 */
export function redactText(text: string, payload: unknown, secretKeys: readonly string[] = []): string {
  const found = new Set<string>();
  secretValues(payload, new Set(secretKeys), found, 0, false);
  let result = text;
  for (const secret of [...found].sort((a, b) => b.length - a.length)) result = result.split(secret).join(REDACTED);
  return result;
}
