import { describe, expect, it } from "vitest";
import { generateBackupCodes, hashBackupCode, looksLikeBackupCode, normaliseBackupCode } from "./backup-codes";

describe("backup codes", () => {
  it("generates ten distinct xxxx-xxxx codes", () => {
    const codes = generateBackupCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
  });

  it("hashes the normalised form, so case, spaces and dashes do not matter", () => {
    expect(normaliseBackupCode(" K7RM-3xqp ")).toBe("k7rm3xqp");
    expect(hashBackupCode("K7RM 3XQP")).toBe(hashBackupCode("k7rm-3xqp"));
    expect(hashBackupCode("k7rm-3xqp")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashBackupCode("k7rm-3xqp")).not.toBe(hashBackupCode("k7rm-3xqq"));
  });

  it("recognises the shape of a backup code", () => {
    expect(looksLikeBackupCode("k7rm-3xqp")).toBe(true);
    expect(looksLikeBackupCode("123456")).toBe(false);
  });
});
