// The pure half of Idempotency-Key: which keys are acceptable, and the fingerprint that tells "the
// same request again" from "a different request reusing the key".
import { createHash } from "node:crypto";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
/** How long a finished answer is replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a request may hold its key while running; a crashed request's key frees up after this. */
export const IDEMPOTENCY_LEASE_MS = 5 * 60 * 1000;
/** Response headers stored with the answer and replayed. */
export const REPLAYED_HEADERS = ["Content-Type", "Location", "ETag"] as const;

/** 1–255 printable ASCII characters (a UUID is the usual choice). */
export function isValidIdempotencyKey(key: string): boolean {
  return key.length >= 1 && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH && /^[\x20-\x7E]+$/.test(key);
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** JSON with object keys sorted at every depth, so key order and whitespace do not matter; other text as-is. */
export function canonicalBody(body: string): string {
  if (!body.trim()) return "";
  try {
    return JSON.stringify(canonical(JSON.parse(body)));
  } catch {
    return body;
  }
}

/** SHA-256 (hex) of method, path with query, and the canonical body. */
export function idempotencyRequestHash({ method, path, body }: { method: string; path: string; body: string }): string {
  return createHash("sha256")
    .update(`${method.toUpperCase()}\n${path}\n${canonicalBody(body)}`, "utf8")
    .digest("hex");
}
