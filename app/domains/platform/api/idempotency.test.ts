import { describe, expect, it } from "vitest";
import { canonicalBody, idempotencyRequestHash, isValidIdempotencyKey } from "./idempotency";

describe("Idempotency-Key rules", () => {
  it("accepts 1–255 printable ASCII characters only", () => {
    expect(isValidIdempotencyKey("3f1c2e7a-9b0d-4c1e-8f2a-5d6b7c8d9e0f")).toBe(true);
    expect(isValidIdempotencyKey("order 42 / retry")).toBe(true);
    expect(isValidIdempotencyKey("k".repeat(255))).toBe(true);
    for (const bad of ["", "k".repeat(256), "tab\there", "line\nbreak", "clé"]) expect(isValidIdempotencyKey(bad)).toBe(false);
  });

  it("ignores key order and whitespace in JSON bodies, not values", () => {
    expect(canonicalBody('{ "b": 1, "a": { "d": [2, {"y":1,"x":0}], "c": null } }')).toBe(
      '{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}',
    );
    expect(canonicalBody("not json")).toBe("not json");
    expect(canonicalBody("  ")).toBe("");
  });

  it("fingerprints method, path and body", () => {
    const base = { method: "POST", path: "/api/v1/users", body: '{"email":"a@example.com","name":"A"}' };
    const hash = idempotencyRequestHash(base);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencyRequestHash({ ...base, body: '{"name":"A", "email":"a@example.com"}' })).toBe(hash);
    expect(idempotencyRequestHash({ ...base, method: "post" })).toBe(hash);
    expect(idempotencyRequestHash({ ...base, body: '{"email":"b@example.com","name":"A"}' })).not.toBe(hash);
    expect(idempotencyRequestHash({ ...base, path: "/api/v1/users/x" })).not.toBe(hash);
    expect(idempotencyRequestHash({ ...base, method: "PATCH" })).not.toBe(hash);
  });
});
