import { describe, expect, it } from "vitest";
import { groupPermissionsByEntity, removedPermissions } from "./role-permissions";

describe("role permissions", () => {
  it("groups permissions by entity, sorted", () => {
    const groups = groupPermissionsByEntity([
      { action: "update", entity: "user", access: "any" },
      { action: "read", entity: "audit", access: "any" },
      { action: "read", entity: "user", access: "any" },
    ]);
    expect(groups.map((g) => g.entity)).toEqual(["audit", "user"]);
    expect(groups[1].permissions.map((p) => p.key)).toEqual(["read:user:any", "update:user:any"]);
  });

  it("lists the permissions a change removes", () => {
    expect(removedPermissions(["a:b:any", "c:d:own"], ["c:d:own", "e:f:any"])).toEqual(["a:b:any"]);
    expect(removedPermissions(["a:b:any"], ["a:b:any"])).toEqual([]);
  });
});
