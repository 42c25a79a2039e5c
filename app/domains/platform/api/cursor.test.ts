import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageOf } from "./cursor";

describe("cursors", () => {
  it("round-trips (createdAt, id) through an opaque base64url string", () => {
    const position = { createdAt: new Date("2025-03-04T05:06:07.089Z"), id: "cm123abc" };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain("cm123abc");
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it("refuses cursors it did not make", () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const cursor of [
      "",
      "not a cursor!",
      "abc",
      b64({ a: 1 }),
      b64(["yesterday", "x"]),
      b64(["2025-03-04T05:06:07.089Z"]),
      b64(["2025-03-04T05:06:07.089Z", ""]),
      "A".repeat(201),
    ]) {
      expect(decodeCursor(cursor)).toBeNull();
    }
  });

  it("keeps `limit` rows and points the next cursor at the last one kept", () => {
    const rows = [3, 2, 1].map((n) => ({ createdAt: new Date(Date.UTC(2025, 0, n)), id: `id${n}` }));
    const first = pageOf(rows, 2);
    expect(first.items.map((row) => row.id)).toEqual(["id3", "id2"]);
    expect(decodeCursor(first.nextCursor!)).toEqual(rows[1]);
    expect(pageOf(rows, 3)).toEqual({ items: rows, nextCursor: null });
    expect(pageOf([], 3)).toEqual({ items: [], nextCursor: null });
  });
});
