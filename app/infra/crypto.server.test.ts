import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./crypto.server";

describe("encryptSecret / decryptSecret", () => {
  it("round-trips and never stores the plain text", () => {
    const stored = encryptSecret("JBSWY3DPEHPK3PXP");
    expect(stored).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(stored).not.toContain("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(stored)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same")).not.toBe(encryptSecret("same"));
  });

  it("refuses a tampered ciphertext or tag", () => {
    const [v, iv, tag, ct] = encryptSecret("secret value").split(":");
    const flipped = Buffer.from(ct, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64url")].join(":"))).toThrow();
    const badTag = Buffer.from(tag, "base64url");
    badTag[0] ^= 1;
    expect(() => decryptSecret([v, iv, badTag.toString("base64url"), ct].join(":"))).toThrow();
  });

  it("refuses malformed input", () => {
    expect(() => decryptSecret("plain")).toThrow("Malformed");
    expect(() => decryptSecret("v2:a:b:c")).toThrow("Malformed");
  });
});
