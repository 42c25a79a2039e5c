import { describe, expect, it } from "vitest";
import { createUnsubscribeToken, readUnsubscribeToken } from "./unsubscribe-token.server";

describe("unsubscribe tokens", () => {
  it("name the normalised address and read back", () => {
    expect(readUnsubscribeToken(createUnsubscribeToken(" Reader@Example.com "))).toBe("reader@example.com");
  });

  it("refuse any change to the address or the signature, and malformed input", () => {
    const token = createUnsubscribeToken("reader@example.com");
    const [payload, signature] = token.split(".");
    const otherPayload = Buffer.from("victim@example.com").toString("base64url");
    expect(readUnsubscribeToken(`${otherPayload}.${signature}`)).toBeNull();
    // Every single-character change of the signature, including ones that only touch padding bits.
    for (let i = 0; i < signature.length; i++) {
      const changed = signature.slice(0, i) + (signature[i] === "A" ? "B" : "A") + signature.slice(i + 1);
      expect(readUnsubscribeToken(`${payload}.${changed}`)).toBeNull();
    }
    for (const bad of ["", ".", payload, `${payload}.`, `${token}.x`, "x".repeat(2000), null, undefined]) {
      expect(readUnsubscribeToken(bad)).toBeNull();
    }
  });
});
