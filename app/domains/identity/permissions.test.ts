import { describe, expect, it } from "vitest";
import { DEFAULT_ROLE_GRANTS, hasPermission, parsePermission } from "./permissions";

describe("permissions", () => {
  it("parses action:entity:access and rejects anything else", () => {
    expect(parsePermission("update:user:any")).toEqual({ action: "update", entity: "user", access: "any" });
    expect(parsePermission("create:api-key:own")).toEqual({ action: "create", entity: "api-key", access: "own" });
    expect(parsePermission("update:user")).toBeNull();
    expect(parsePermission("update:user:all")).toBeNull();
    expect(parsePermission("Update:user:any")).toBeNull();
  });

  it("lets :any cover :own but never the reverse", () => {
    expect(hasPermission(new Set(["read:user:any"]), "read:user:own")).toBe(true);
    expect(hasPermission(new Set(["read:user:own"]), "read:user:any")).toBe(false);
    expect(hasPermission(new Set(["read:user:any"]), "update:user:own")).toBe(false);
  });

  it("gives bloggers no access to user management", () => {
    const blogger = new Set<string>(DEFAULT_ROLE_GRANTS.blogger);
    expect(hasPermission(blogger, "read:user:any")).toBe(false);
    expect(hasPermission(blogger, "update:user:any")).toBe(false);
    expect(hasPermission(new Set<string>(DEFAULT_ROLE_GRANTS.admin), "update:user:any")).toBe(true);
  });
});
