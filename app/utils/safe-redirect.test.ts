import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirect("/admin/users?page=2")).toBe("/admin/users?page=2");
    expect(safeRedirect("/account#mfa")).toBe("/account#mfa");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/foo\nbar",
    "",
    null,
    undefined,
  ])("falls back for %j", (value) => {
    expect(safeRedirect(value as string, "/dash")).toBe("/dash");
  });
});
