// Entity tags of API representations: a strong tag over the exact JSON bytes sent (before any
// content coding), so `If-None-Match` can answer 304 and `If-Match` can guard a write.
import { createHash } from "node:crypto";

/** `"<27 base64url chars>"`: the first 160 bits of the SHA-256 of the serialized body. */
export function etagOf(serialized: string): string {
  return `"${createHash("sha256").update(serialized, "utf8").digest("base64url").slice(0, 27)}"`;
}

const TAG = /\s*(W\/)?("[\x21\x23-\x7E\x80-\xFF]*")\s*(?:,|$)/y;

/**
 * The entity tags of an `If-Match` / `If-None-Match` header, `"*"` for the wildcard, or `null` when
 * the header is malformed. Each tag keeps whether it was weak.
 */
export function parseEtagList(header: string): Array<{ weak: boolean; tag: string }> | "*" | null {
  const value = header.trim();
  if (value === "*") return "*";
  if (!value) return null;
  const tags: Array<{ weak: boolean; tag: string }> = [];
  TAG.lastIndex = 0;
  while (TAG.lastIndex < value.length) {
    const match = TAG.exec(value);
    if (!match) return null;
    tags.push({ weak: Boolean(match[1]), tag: match[2] });
  }
  return tags;
}

/** `If-None-Match` uses the weak comparison: `W/"x"` matches `"x"`. A malformed header matches nothing. */
export function noneMatchHits(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const tags = parseEtagList(header);
  if (tags === "*") return true;
  return (tags ?? []).some(({ tag }) => tag === etag);
}

/** `If-Match` uses the strong comparison: weak tags never match. */
export function ifMatchHolds(header: string, etag: string): boolean {
  const tags = parseEtagList(header);
  if (tags === "*") return true;
  return (tags ?? []).some(({ weak, tag }) => !weak && tag === etag);
}
