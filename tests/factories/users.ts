// Test users: real rows, real argon2 hashes, real roles.
import { randomUUID } from "node:crypto";
import { hashPassword } from "~/domains/identity/password-hash.server";
import { prisma } from "~/infra/db.server";

export const TEST_PASSWORD = "Correct-horse-battery-9";

export async function createUser({
  email = `user-${randomUUID().slice(0, 8)}@example.com`,
  name = "Test User",
  password = TEST_PASSWORD,
  roles = ["user"],
  verified = true,
  status = "active",
}: {
  email?: string;
  name?: string;
  password?: string;
  roles?: string[];
  verified?: boolean;
  status?: "active" | "deactivated";
} = {}) {
  const roleRows = await prisma.role.findMany({ where: { name: { in: roles } }, select: { id: true } });
  return prisma.user.create({
    data: {
      email: email.toLowerCase(),
      name,
      status,
      emailVerifiedAt: verified ? new Date() : null,
      password: { create: { hash: await hashPassword(password) } },
      roles: { create: roleRows.map((role) => ({ roleId: role.id })) },
    },
    select: { id: true, email: true, name: true },
  });
}

/** A user holding exactly `permissions` ("action:entity:access"), through a role made for them. */
export async function createUserWithPermissions(roleName: string, permissions: string[]) {
  const rows = await prisma.permission.findMany();
  const wanted = rows.filter((p) => permissions.includes(`${p.action}:${p.entity}:${p.access}`));
  if (wanted.length !== permissions.length) throw new Error(`unknown permission among ${permissions.join(", ")}`);
  await prisma.role.create({ data: { name: roleName, permissions: { create: wanted.map((p) => ({ permissionId: p.id })) } } });
  return createUser({ email: `${roleName}@example.com`, roles: [roleName] });
}
