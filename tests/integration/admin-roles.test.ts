// /admin/roles and /admin/roles/:roleName: create (unique slug), edit permissions (admin keeps
// everything), delete (only unused, non-system roles), each with an audit row.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import * as role from "~/routes/admin+/roles.$roleName";
import * as roles from "~/routes/admin+/roles._index";
import { createUser } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";

type Reply = { result: { error: Record<string, string[]> } };

describe("admin roles", () => {
  let adminId: string;
  beforeEach(async () => {
    await resetDatabase();
    adminId = (await createUser({ roles: ["admin"] })).id;
  });

  const create = async (fields: Record<string, string>) =>
    run(roles.action, await formRequest("/admin/roles?index", { intent: "create", ...fields }, { userId: adminId }));
  const edit = async (name: string, fields: Record<string, string | string[]>) =>
    run(role.action, await formRequest(`/admin/roles/${name}`, fields, { userId: adminId }), { roleName: name });
  const permissionsOf = async (name: string) =>
    (await prisma.rolePermission.findMany({ where: { role: { name } }, select: { permission: true } }))
      .map((p) => `${p.permission.action}:${p.permission.entity}:${p.permission.access}`)
      .sort();

  it("lists roles with user and permission counts", async () => {
    const data = payloadOf<{ roles: Array<{ name: string; userCount: number; permissionCount: number }> }>(
      await run(roles.loader, await getRequest("/admin/roles", { userId: adminId })),
    );
    const admin = data.roles.find((r) => r.name === "admin")!;
    expect(admin.userCount).toBe(1);
    expect(admin.permissionCount).toBe(await prisma.permission.count());
    expect(data.roles.map((r) => r.name)).toEqual(["admin", "blogger", "commercial", "employee", "user"]);
  });

  it("creates a role, refuses a duplicate or malformed name with a field error, audits", async () => {
    const ok = await create({ name: "support", description: "Helps customers" });
    expect(statusOf(ok)).toBe(302);
    expect((ok as Response).headers.get("Location")).toBe("/admin/roles/support");
    expect(
      await prisma.auditLog.findFirst({
        where: { action: "role.create", entityId: "support" },
        select: { actorId: true, after: true },
      }),
    ).toEqual({
      actorId: adminId,
      after: { name: "support", description: "Helps customers" },
    });
    const dup = await create({ name: "support" });
    expect(statusOf(dup)).toBe(409);
    expect(payloadOf<Reply>(dup).result.error.name).toEqual(["A role with this name already exists."]);
    const bad = await create({ name: "Support Team" });
    expect(statusOf(bad)).toBe(400);
    expect(payloadOf<Reply>(bad).result.error.name).toHaveLength(1);
    expect(await prisma.role.count({ where: { name: { startsWith: "support" } } })).toBe(1);
  });

  it("replaces a role's permissions and description, with before/after in the audit row", async () => {
    const result = await edit("blogger", {
      intent: "save",
      description: "Writes",
      permissions: ["read:post:any", "read:audit:any"],
    });
    expect(statusOf(result)).toBe(302);
    expect(await permissionsOf("blogger")).toEqual(["read:audit:any", "read:post:any"]);
    const row = await prisma.auditLog.findFirstOrThrow({ where: { action: "role.update", entityId: "blogger" } });
    expect(row.before).toMatchObject({
      permissions: ["create:api-key:own", "create:post:own", "read:admin:any", "read:post:any"],
      description: "Writes and publishes content.",
    });
    expect(row.after).toEqual({ permissions: ["read:audit:any", "read:post:any"], description: "Writes" });
  });

  it("refuses to remove anything from the admin role and rejects unknown permissions", async () => {
    const before = await permissionsOf("admin");
    const result = await edit("admin", { intent: "save", description: "x", permissions: ["read:user:any"] });
    expect(statusOf(result)).toBe(409);
    expect(payloadOf<{ message: string }>(result).message).toMatch(/admin role must keep every permission/);
    expect(await permissionsOf("admin")).toEqual(before);
    const unknown = await edit("blogger", { intent: "save", permissions: ["launch:rocket:any"] });
    expect(statusOf(unknown)).toBe(409);
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it("deletes only unused, non-system roles", async () => {
    await create({ name: "temp" });
    expect(statusOf(await edit("user", { intent: "delete" }))).toBe(409);
    const holder = await createUser({ roles: ["temp"] });
    const inUse = await edit("temp", { intent: "delete" });
    expect(payloadOf<{ message: string }>(inUse).message).toMatch(/Remove this role/);
    await prisma.userRole.deleteMany({ where: { userId: holder.id } });
    expect(statusOf(await edit("temp", { intent: "delete" }))).toBe(302);
    expect(await prisma.role.findUnique({ where: { name: "temp" } })).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "role.delete", entityId: "temp" } })).toBe(1);
    expect(
      statusOf(await run(role.loader, await getRequest("/admin/roles/temp", { userId: adminId }), { roleName: "temp" })),
    ).toBe(404);
  });
  describe("who may add which permission", () => {
    const MANAGER = ["read:admin:any", "read:role:any", "update:role:any", "read:post:any"];

    async function manager() {
      const permissions = await prisma.permission.findMany();
      const wanted = permissions.filter((p) => MANAGER.includes(`${p.action}:${p.entity}:${p.access}`));
      expect(wanted).toHaveLength(MANAGER.length);
      await prisma.role.create({
        data: { name: "role-manager", permissions: { create: wanted.map((p) => ({ permissionId: p.id })) } },
      });
      return (await createUser({ email: "manager@example.com", roles: ["role-manager"] })).id;
    }
    const editAs = async (actorId: string, name: string, fields: Record<string, string | string[]>) =>
      run(role.action, await formRequest(`/admin/roles/${name}`, fields, { userId: actorId }), { roleName: name });

    it("refuses a non-admin with update:role:any adding a permission they lack, to their own role or another", async () => {
      const managerId = await manager();
      const own = await editAs(managerId, "role-manager", {
        intent: "save",
        description: "",
        permissions: [...MANAGER, "update:user:any"],
      });
      expect(statusOf(own)).toBe(403);
      expect(payloadOf<{ message: string }>(own).message).toBe("You can only add permissions that you hold yourself.");
      expect(await permissionsOf("role-manager")).toEqual([...MANAGER].sort());
      const blogger = await permissionsOf("blogger");
      const other = await editAs(managerId, "blogger", {
        intent: "save",
        description: "Writes and publishes content.",
        permissions: [...blogger, "read:audit:any"],
      });
      expect(statusOf(other)).toBe(403);
      expect(await permissionsOf("blogger")).toEqual(blogger);
      expect(await prisma.auditLog.count()).toBe(0);
    });

    it("lets a non-admin add a permission they hold and remove any, and locks the rest in the form", async () => {
      const managerId = await manager();
      const ok = await editAs(managerId, "user", {
        intent: "save",
        description: "A customer or member with access to their own account.",
        permissions: ["read:post:any"],
      });
      expect(statusOf(ok)).toBe(302);
      expect(await permissionsOf("user")).toEqual(["read:post:any"]);
      const data = payloadOf<{ locked: string[] }>(
        await run(role.loader, await getRequest("/admin/roles/blogger", { userId: managerId }), { roleName: "blogger" }),
      );
      expect(data.locked).toContain("update:user:any");
      expect(data.locked).not.toContain("read:post:any"); // held by the manager
      expect(data.locked).not.toContain("create:post:own"); // the role has it already (it may be removed)
    });

    it("still lets an admin add any permission", async () => {
      const result = await edit("user", { intent: "save", description: "", permissions: ["update:user:any"] });
      expect(statusOf(result)).toBe(302);
      expect(await permissionsOf("user")).toEqual(["update:user:any"]);
      const data = payloadOf<{ locked: string[] }>(
        await run(role.loader, await getRequest("/admin/roles/user", { userId: adminId }), { roleName: "user" }),
      );
      expect(data.locked).toEqual([]);
    });
  });
});
