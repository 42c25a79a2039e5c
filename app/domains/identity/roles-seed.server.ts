// Built-in roles and permissions, created or completed idempotently (seed, tests, first start).
import type { PrismaClient } from "~/generated/prisma/client";
import { DEFAULT_ROLE_GRANTS, parsePermission, ROLE_DESCRIPTIONS, type SystemRoleName } from "./permissions";

export async function ensureSystemRoles(db: PrismaClient) {
  const allPermissions = new Set(Object.values(DEFAULT_ROLE_GRANTS).flat());
  const permissionIds = new Map<string, string>();
  for (const value of allPermissions) {
    const parsed = parsePermission(value);
    if (!parsed) throw new Error(`Malformed permission ${value}`);
    const row = await db.permission.upsert({
      where: { action_entity_access: parsed },
      create: parsed,
      update: {},
      select: { id: true },
    });
    permissionIds.set(value, row.id);
  }
  for (const [name, grants] of Object.entries(DEFAULT_ROLE_GRANTS) as Array<[SystemRoleName, string[]]>) {
    const existing = await db.role.findUnique({ where: { name }, select: { id: true } });
    if (existing) continue; // an admin may have changed its grants since: leave them
    await db.role.create({
      data: {
        name,
        description: ROLE_DESCRIPTIONS[name],
        isSystem: true,
        permissions: { create: grants.map((grant) => ({ permissionId: permissionIds.get(grant)! })) },
      },
    });
  }
  // admin always holds every permission the system knows
  const admin = await db.role.findUniqueOrThrow({ where: { name: "admin" }, select: { id: true } });
  await db.rolePermission.createMany({
    data: [...permissionIds.values()].map((permissionId) => ({ roleId: admin.id, permissionId })),
    skipDuplicates: true,
  });
}
