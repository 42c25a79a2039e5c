// Opaque cursors for keyset pagination over (createdAt, id), newest first. A cursor is the
// base64url of a small JSON array; clients pass it back as-is and never build one themselves.
import { z } from "zod";

export type CursorPosition = { createdAt: Date; id: string };

export const MIN_PAGE_LIMIT = 1;
export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 20;

const CursorPayloadSchema = z.tuple([z.string().datetime({ offset: false }), z.string().min(1).max(64)]);

export function encodeCursor({ createdAt, id }: CursorPosition): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id]), "utf8").toString("base64url");
}

/** The position a cursor points at, or `null` when it was not made by `encodeCursor`. */
export function decodeCursor(cursor: string): CursorPosition | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = CursorPayloadSchema.safeParse(payload);
  if (!parsed.success) return null;
  const createdAt = new Date(parsed.data[0]);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: parsed.data[1] };
}

/**
 * Given up to `limit + 1` rows fetched in (createdAt desc, id desc) order, keep `limit` of them and
 * say where the next page starts (`null` on the last page).
 */
export function pageOf<T extends CursorPosition>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(items[items.length - 1]) };
}
