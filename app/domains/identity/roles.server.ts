// Roles and their permissions, as an admin edits them. The admin role always holds every
// permission; built-in roles and roles still assigned to someone cannot be deleted. Nobody can add
// to a role a permission they do not hold themselves (so update:role:any is not a way to become admin).
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma, type Tx } from "~/infra/db.server";
import { formatPermission, parsePermission } from "./permissions";
import { groupPermissionsByEntity, permissionsNotHeld, removedPermissions } from "./role-permissions";

type Actor = { actorId: string; ipAddress: string | null };

/** Every permission the user holds through their roles, as `action:entity:access` strings. */
export async function heldPermissions(tx: Tx | typeof prisma, userId: string): Promise<Set<string>> {
  const rows = await tx.permission.findMany({
    where: { roles: { some: { role: { users: { some: { userId } } } } } },
    select: { action: true, entity: true, access: true },
  });
  return new Set(rows.map((row) => formatPermission(row as Parameters<typeof formatPermission>[0])));
}

export async function listRoles() {
  const roles = await prisma.role.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, description: true, isSystem: true, _count: { select: { users: true, permissions: true } } },
  });
  return roles.map(({ _count, id: _id, ...role }) => ({ ...role, userCount: _count.users, permissionCount: _count.permissions }));
}

/** Names of the roles whose every permission is in `held`: the roles a person holding `held` may assign. */
export async function grantableRoleNames(held: ReadonlySet<string>) {
  const roles = await prisma.role.findMany({
    orderBy: { name: "asc" },
    select: { name: true, permissions: { select: { permission: { select: { action: true, entity: true, access: true } } } } },
  });
  return roles
    .filter((role) => {
      const keys = role.permissions.map(({ permission }) =>
        formatPermission(permission as Parameters<typeof formatPermission>[0]),
      );
      return permissionsNotHeld(held, keys).length === 0;
    })
    .map((role) => role.name);
}

export async function listRoleNames() {
  const roles = await prisma.role.findMany({ orderBy: { name: "asc" }, select: { name: true } });
  return roles.map((role) => role.name);
}

export async function getRoleForAdmin({ name }: { name: string }) {
  const role = await prisma.role.findUnique({
    where: { name },
    select: {
      name: true,
      description: true,
      isSystem: true,
      createdAt: true,
      _count: { select: { users: true } },
      permissions: { select: { permission: { select: { action: true, entity: true, access: true } } } },
    },
  });
  if (!role) return null;
  const all = await prisma.permission.findMany({ select: { action: true, entity: true, access: true, description: true } });
  const { _count, permissions, ...rest } = role;
  return {
    ...rest,
    userCount: _count.users,
    granted: permissions.map((p) => formatPermission(p.permission as Parameters<typeof formatPermission>[0])).sort(),
    groups: groupPermissionsByEntity(all),
  };
}

export async function createRole({ actorId, ipAddress, name, description }: Actor & { name: string; description: string }) {
  try {
    return await prisma.$transaction(async (tx) => {
      const existing = await tx.role.findUnique({ where: { name }, select: { id: true } });
      if (existing) throw new DomainError("role_taken", "A role with this name already exists.");
      const role = await tx.role.create({ data: { name, description }, select: { name: true } });
      await recordAudit(
        { actorId, action: "role.create", entityType: "role", entityId: name, after: { name, description }, ipAddress },
        tx,
      );
      return role;
    });
  } catch (error) {
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") {
      throw new DomainError("role_taken", "A role with this name already exists.");
    }
    throw error;
  }
}

/**
 * Lock the role's row for this transaction. Editing takes FOR NO KEY UPDATE (edits queue behind each
 * other, while assigning the role to people goes on); deleting takes FOR UPDATE, which also waits for
 * (and blocks) concurrent assignments, so the "nobody holds it" check stays true until the delete.
 */
async function lockRole(tx: Tx, name: string, mode: "edit" | "delete") {
  const rows =
    mode === "delete"
      ? await tx.$queryRaw<
          Array<{ id: string; isSystem: boolean }>
        >`SELECT "id", "isSystem" FROM "Role" WHERE "name" = ${name} FOR UPDATE`
      : await tx.$queryRaw<
          Array<{ id: string; isSystem: boolean }>
        >`SELECT "id", "isSystem" FROM "Role" WHERE "name" = ${name} FOR NO KEY UPDATE`;
  if (rows.length === 0) throw new DomainError("role_not_found", "No such role.");
  return rows[0];
}

/** Replace the role's permissions (and description) with the given set; refuses to take anything from admin. */
export async function updateRole({
  actorId,
  ipAddress,
  name,
  permissionKeys,
  description,
}: Actor & { name: string; permissionKeys: string[]; description: string }) {
  const wanted = [...new Set(permissionKeys)].sort();
  const parsed = wanted.map(parsePermission);
  if (parsed.some((p) => p === null)) throw new DomainError("unknown_permission", "One of the permissions does not exist.");
  return prisma.$transaction(async (tx) => {
    const role = await lockRole(tx, name, "edit");
    const rows = await tx.permission.findMany({
      where: { OR: parsed.map((p) => ({ action: p!.action, entity: p!.entity, access: p!.access })) },
      select: { id: true, action: true, entity: true, access: true },
    });
    if (rows.length !== wanted.length) throw new DomainError("unknown_permission", "One of the permissions does not exist.");
    const current = await tx.rolePermission.findMany({
      where: { roleId: role.id },
      select: { permission: { select: { action: true, entity: true, access: true } } },
    });
    const before = current.map((c) => formatPermission(c.permission as Parameters<typeof formatPermission>[0])).sort();
    if (name === "admin") {
      const everything = await tx.permission.count();
      if (wanted.length !== everything)
        throw new DomainError("admin_all_permissions", "The admin role must keep every permission.");
    }
    const { description: oldDescription } = await tx.role.findUniqueOrThrow({
      where: { id: role.id },
      select: { description: true },
    });
    const removed = removedPermissions(before, wanted);
    const added = removedPermissions(wanted, before);
    if (added.length > 0 && permissionsNotHeld(await heldPermissions(tx, actorId), added).length > 0)
      throw new DomainError("permission_not_held", "You can only add permissions that you hold yourself.");
    if (removed.length === 0 && added.length === 0 && oldDescription === description) return { changed: false };
    await tx.rolePermission.deleteMany({ where: { roleId: role.id, permissionId: { notIn: rows.map((r) => r.id) } } });
    await tx.rolePermission.createMany({
      data: rows.map((r) => ({ roleId: role.id, permissionId: r.id })),
      skipDuplicates: true,
    });
    if (oldDescription !== description)
      await tx.role.update({ where: { id: role.id }, data: { description }, select: { id: true } });
    const permsChanged = removed.length > 0 || added.length > 0;
    await recordAudit(
      {
        actorId,
        action: "role.update",
        entityType: "role",
        entityId: name,
        before: {
          ...(permsChanged ? { permissions: before } : {}),
          ...(oldDescription !== description ? { description: oldDescription } : {}),
        },
        after: { ...(permsChanged ? { permissions: wanted } : {}), ...(oldDescription !== description ? { description } : {}) },
        ipAddress,
      },
      tx,
    );
    return { changed: true };
  });
}

export async function deleteRole({ actorId, ipAddress, name }: Actor & { name: string }) {
  return prisma.$transaction(async (tx) => {
    const role = await lockRole(tx, name, "delete");
    if (role.isSystem) throw new DomainError("role_system", "Built-in roles cannot be deleted.");
    const users = await tx.userRole.count({ where: { roleId: role.id } });
    if (users > 0) throw new DomainError("role_in_use", "Remove this role from every user before deleting it.");
    const full = await tx.role.findUniqueOrThrow({ where: { id: role.id }, select: { description: true } });
    await tx.role.delete({ where: { id: role.id } });
    await recordAudit(
      {
        actorId,
        action: "role.delete",
        entityType: "role",
        entityId: name,
        before: { name, description: full.description },
        ipAddress,
      },
      tx,
    );
  });
}
