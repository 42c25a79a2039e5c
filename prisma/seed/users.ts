// Seed users: the first administrator (generated password unless ADMIN_PASSWORD is set) and,
// for demos, one person per built-in role.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { hashPassword } from "../../app/domains/identity/password-hash.server.ts";

export function generatePassword() {
  // 18 random bytes in base64url plus a fixed tail that satisfies every password rule
  return `${randomBytes(18).toString("base64url")}-Aa1`;
}

export async function ensureAdmin(db: PrismaClient, { email, password }: { email: string; password?: string }) {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return { created: false as const, email };
  const plain = password ?? generatePassword();
  const adminRole = await db.role.findUniqueOrThrow({ where: { name: "admin" }, select: { id: true } });
  await db.user.create({
    data: {
      email,
      name: "Administrator",
      emailVerifiedAt: new Date(),
      password: { create: { hash: await hashPassword(plain) } },
      roles: { create: [{ roleId: adminRole.id }] },
    },
  });
  return { created: true as const, email, password: plain };
}

const DEMO_USERS = [
  { email: "customer@example.com", name: "Carla Customer", role: "user" },
  { email: "sales@example.com", name: "Sam Sales", role: "commercial" },
  { email: "writer@example.com", name: "Bea Blogger", role: "blogger" },
  { email: "staff@example.com", name: "Eli Employee", role: "employee" },
] as const;

export const DEMO_PASSWORD = "Demo-password-2026!";

export async function ensureDemoUsers(db: PrismaClient) {
  const hash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const demo of DEMO_USERS) {
    if (await db.user.findUnique({ where: { email: demo.email }, select: { id: true } })) continue;
    const role = await db.role.findUniqueOrThrow({ where: { name: demo.role }, select: { id: true } });
    await db.user.create({
      data: {
        email: demo.email,
        name: demo.name,
        emailVerifiedAt: new Date(),
        password: { create: { hash } },
        roles: { create: [{ roleId: role.id }] },
      },
    });
    created += 1;
  }
  return { created, emails: DEMO_USERS.map((u) => u.email), password: DEMO_PASSWORD };
}
