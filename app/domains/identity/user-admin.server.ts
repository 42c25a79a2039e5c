// Managing people from the admin area: find them, change their profile, roles and status, end
// their sessions, reset their second factor. Every change locks the user's row, writes the change
// and its audit row in one transaction, so two admins editing at once apply one after the other.
import type { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/domains/errors";
import { changedFields } from "~/domains/platform/audit-diff";
import { recordAudit } from "~/domains/platform/audit.server";
import { emitUserEvent } from "~/domains/platform/webhooks/user-events.server";
import { clampPage } from "~/domains/platform/list-query";
import { prisma, type Tx } from "~/infra/db.server";
import { sessionHandle } from "./account-sessions.server";
import { permissionsNotHeld } from "./role-permissions";
import { heldPermissions } from "./roles.server";
import { USER_PAGE_SIZE, type UserListQuery } from "./user-admin-query";

const DAY_MS = 24 * 60 * 60 * 1000;

type Actor = { actorId: string; ipAddress: string | null };
/** Checked under the user's row lock before anything changes (the API's If-Match); throw to refuse the change. */
type Precondition = (tx: Tx) => Promise<void>;

export async function getUserStats(now = new Date()) {
  const [total, active, deactivated, unverified, newLastWeek, activeSessions, failedLogins] = await Promise.all([
    prisma.user.count(),
    prisma.user.count({ where: { status: "active" } }),
    prisma.user.count({ where: { status: "deactivated" } }),
    prisma.user.count({ where: { emailVerifiedAt: null } }),
    prisma.user.count({ where: { createdAt: { gte: new Date(now.getTime() - 7 * DAY_MS) } } }),
    prisma.session.count({ where: { revokedAt: null, expiresAt: { gt: now }, user: { status: "active" } } }),
    prisma.loginAttempt.count({ where: { success: false, createdAt: { gte: new Date(now.getTime() - DAY_MS) } } }),
  ]);
  return { total, active, deactivated, unverified, newLastWeek, activeSessions, failedLogins };
}

export function userListOrderBy({ sort, dir }: Pick<UserListQuery, "sort" | "dir">): Prisma.UserOrderByWithRelationInput[] {
  switch (sort) {
    case "name":
      return [{ name: dir }, { id: dir }];
    case "email":
      return [{ email: dir }];
    case "lastLogin":
      return [{ lastLoginAt: { sort: dir, nulls: "last" } }, { id: dir }];
    default:
      return [{ createdAt: dir }, { id: dir }];
  }
}

/** The filters of the /admin/users list (search, role, status); shared with the users export. */
export function userListWhere({ q, role, status }: Pick<UserListQuery, "q" | "role" | "status">): Prisma.UserWhereInput {
  return {
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] } : {}),
    ...(role ? { roles: { some: { role: { name: role } } } } : {}),
    ...(status === "active" || status === "deactivated" ? { status } : {}),
    ...(status === "unverified" ? { emailVerifiedAt: null } : {}),
  };
}

/** The columns of the admin users list (also the rows of its CSV export). */
export const USER_LIST_SELECT = {
  id: true,
  name: true,
  email: true,
  status: true,
  emailVerifiedAt: true,
  createdAt: true,
  lastLoginAt: true,
  roles: { select: { role: { select: { name: true } } }, orderBy: { role: { name: "asc" as const } } },
} satisfies Prisma.UserSelect;

export async function listUsersForAdmin(query: UserListQuery, pageSize = USER_PAGE_SIZE) {
  const where = userListWhere(query);
  const total = await prisma.user.count({ where });
  const page = clampPage(query.page, total, pageSize);
  const users = await prisma.user.findMany({
    where,
    orderBy: userListOrderBy(query),
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: USER_LIST_SELECT,
  });
  return {
    items: users.map(({ roles, emailVerifiedAt, ...user }) => ({
      ...user,
      verified: emailVerifiedAt !== null,
      roles: roles.map((r) => r.role.name),
    })),
    total,
    page,
    pageSize,
  };
}

export async function getUserForAdmin({ userId }: { userId: string }) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      timeZone: true,
      locale: true,
      emailVerifiedAt: true,
      createdAt: true,
      lastLoginAt: true,
      lockedUntil: true,
      roles: { select: { role: { select: { name: true } } } },
      totpDevice: { select: { confirmedAt: true } },
      _count: { select: { backupCodes: { where: { usedAt: null } } } },
    },
  });
  if (!user) return null;
  const [sessions, loginAttempts] = await Promise.all([
    prisma.session.findMany({
      where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { lastSeenAt: "desc" },
      take: 50,
      select: { id: true, ipAddress: true, userAgent: true, createdAt: true, lastSeenAt: true },
    }),
    prisma.loginAttempt.findMany({
      where: { OR: [{ userId }, { email: user.email }] },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, ipAddress: true, success: true, reason: true, createdAt: true },
    }),
  ]);
  const { roles, totpDevice, _count, ...rest } = user;
  return {
    ...rest,
    roles: roles.map((r) => r.role.name).sort(),
    mfa: {
      enabled: Boolean(totpDevice?.confirmedAt),
      pending: Boolean(totpDevice && !totpDevice.confirmedAt),
      backupCodesLeft: _count.backupCodes,
    },
    // a session id is a bearer secret: the page names each session by a one-way handle instead
    sessions: sessions.map(({ id, ...session }) => ({ ...session, handle: sessionHandle(id) })),
    loginAttempts,
  };
}

async function lockUser(tx: Tx, userId: string) {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  if (rows.length === 0) throw new DomainError("user_not_found", "No such user.");
}

/** Serializes every change that could leave the system without an active admin (assigning roles still proceeds). */
async function lockAdminRole(tx: Tx) {
  await tx.$queryRaw`SELECT "id" FROM "Role" WHERE "name" = 'admin' FOR NO KEY UPDATE`;
}

async function otherActiveAdmins(tx: Tx, userId: string) {
  return tx.user.count({ where: { id: { not: userId }, status: "active", roles: { some: { role: { name: "admin" } } } } });
}

async function currentRoles(tx: Tx, userId: string) {
  const rows = await tx.userRole.findMany({ where: { userId }, select: { role: { select: { name: true } } } });
  return rows.map((r) => r.role.name).sort();
}

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * An actor may give or take away only roles whose every permission they hold themselves, so
 * update:user:any cannot be used to make anyone (themselves included) more powerful than the actor.
 * Admins hold every permission, so they may assign any role.
 */
async function assertCanManageRoles(tx: Tx, actorId: string, roleNames: string[]) {
  if (roleNames.length === 0) return;
  const rows = await tx.rolePermission.findMany({
    where: { role: { name: { in: roleNames } } },
    select: { permission: { select: { action: true, entity: true, access: true } } },
  });
  const required = rows.map(({ permission: p }) => `${p.action}:${p.entity}:${p.access}`);
  if (permissionsNotHeld(await heldPermissions(tx, actorId), required).length > 0)
    throw new DomainError("role_not_grantable", "You can only assign or remove roles whose permissions you hold yourself.");
}

type ProfileInput = { name: string; email: string; timeZone: string; locale: string };

export async function updateUserProfile({
  actorId,
  ipAddress,
  userId,
  precondition,
  ...input
}: Actor & { userId: string; precondition?: Precondition } & ProfileInput) {
  try {
    return await prisma.$transaction(async (tx) => {
      await lockUser(tx, userId);
      await precondition?.(tx);
      const { emailVerifiedAt, ...before } = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { name: true, email: true, timeZone: true, locale: true, emailVerifiedAt: true },
      });
      const diff = changedFields<ProfileInput>(before, input);
      if (!diff) return { changed: false };
      // nobody has proved they read mail at the new address: it starts out unverified
      const unverify = diff.after.email !== undefined && emailVerifiedAt !== null;
      if (diff.after.email) {
        const taken = await tx.user.findFirst({ where: { email: diff.after.email, id: { not: userId } }, select: { id: true } });
        if (taken) throw new DomainError("email_taken", "Another account uses this e-mail address.");
      }
      await tx.user.update({
        where: { id: userId },
        data: { ...diff.after, ...(diff.after.email !== undefined ? { emailVerifiedAt: null } : {}) },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId,
          action: "user.profile.update",
          entityType: "user",
          entityId: userId,
          before: { ...diff.before, ...(unverify ? { emailVerifiedAt: emailVerifiedAt.toISOString() } : {}) },
          after: { ...diff.after, ...(unverify ? { emailVerifiedAt: null } : {}) },
          ipAddress,
        },
        tx,
      );
      await emitUserEvent(tx, "user.updated", userId);
      return { changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("email_taken", "Another account uses this e-mail address.");
    throw error;
  }
}

/**
 * Create an account from the admin area or the API: no password (the person signs in with an
 * e-mail code or sets one through "forgot password"), only roles the actor may grant.
 */
export async function createUserByAdmin({
  actorId,
  ipAddress,
  roleNames,
  ...input
}: Actor & ProfileInput & { roleNames: string[] }) {
  const wanted = [...new Set(roleNames)].sort();
  const email = input.email.trim().toLowerCase();
  try {
    return await prisma.$transaction(async (tx) => {
      const roles = await tx.role.findMany({ where: { name: { in: wanted } }, select: { id: true } });
      if (roles.length !== wanted.length) throw new DomainError("unknown_role", "One of the roles does not exist.");
      await assertCanManageRoles(tx, actorId, wanted);
      const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
      if (taken) throw new DomainError("email_taken", "Another account uses this e-mail address.");
      const profile = { name: input.name.trim(), email, timeZone: input.timeZone, locale: input.locale };
      const user = await tx.user.create({
        data: { ...profile, roles: { create: roles.map((role) => ({ roleId: role.id })) } },
        select: { id: true, email: true, name: true },
      });
      await recordAudit(
        {
          actorId,
          action: "user.create",
          entityType: "user",
          entityId: user.id,
          after: { ...profile, roles: wanted },
          ipAddress,
        },
        tx,
      );
      await emitUserEvent(tx, "user.created", user.id);
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("email_taken", "Another account uses this e-mail address.");
    throw error;
  }
}

export async function setUserRoles({ actorId, ipAddress, userId, roleNames }: Actor & { userId: string; roleNames: string[] }) {
  const wanted = [...new Set(roleNames)].sort();
  return prisma.$transaction(async (tx) => {
    await lockAdminRole(tx);
    await lockUser(tx, userId);
    const roles = await tx.role.findMany({ where: { name: { in: wanted } }, select: { id: true, name: true } });
    if (roles.length !== wanted.length) throw new DomainError("unknown_role", "One of the roles does not exist.");
    const before = await currentRoles(tx, userId);
    const diff = changedFields({ roles: before }, { roles: wanted });
    if (!diff) return { changed: false };
    const touched = [...wanted.filter((name) => !before.includes(name)), ...before.filter((name) => !wanted.includes(name))];
    await assertCanManageRoles(tx, actorId, touched);
    const losesAdmin = before.includes("admin") && !wanted.includes("admin");
    if (losesAdmin && actorId === userId) throw new DomainError("self_admin", "You cannot remove your own admin role.");
    if (losesAdmin && (await otherActiveAdmins(tx, userId)) === 0)
      throw new DomainError("last_admin", "The last active admin must keep the admin role.");
    await tx.userRole.deleteMany({ where: { userId, roleId: { notIn: roles.map((r) => r.id) } } });
    await tx.userRole.createMany({ data: roles.map((r) => ({ userId, roleId: r.id })), skipDuplicates: true });
    await recordAudit({ actorId, action: "user.roles.update", entityType: "user", entityId: userId, ...diff, ipAddress }, tx);
    await emitUserEvent(tx, "user.updated", userId);
    return { changed: true };
  });
}

/** Deactivating also revokes every session the person has, in the same transaction. */
export async function setUserStatus({
  actorId,
  ipAddress,
  userId,
  status,
  precondition,
}: Actor & { userId: string; status: "active" | "deactivated"; precondition?: Precondition }) {
  if (status === "deactivated" && actorId === userId)
    throw new DomainError("self_deactivate", "You cannot deactivate your own account.");
  return prisma.$transaction(async (tx) => {
    if (status === "deactivated") await lockAdminRole(tx);
    await lockUser(tx, userId);
    await precondition?.(tx);
    const from = status === "active" ? "deactivated" : "active";
    if (
      status === "deactivated" &&
      (await currentRoles(tx, userId)).includes("admin") &&
      (await otherActiveAdmins(tx, userId)) === 0
    ) {
      throw new DomainError("last_admin", "The last active admin cannot be deactivated.");
    }
    const { count } = await tx.user.updateMany({ where: { id: userId, status: from }, data: { status } });
    if (count === 0) return { changed: false, revokedSessions: 0 };
    let revokedSessions = 0;
    if (status === "deactivated") {
      ({ count: revokedSessions } = await tx.session.updateMany({
        where: { userId, revokedAt: null },
        data: { revokedAt: new Date() },
      }));
    }
    await recordAudit(
      {
        actorId,
        action: status === "deactivated" ? "user.deactivate" : "user.reactivate",
        entityType: "user",
        entityId: userId,
        before: { status: from },
        after: { status, ...(status === "deactivated" ? { revokedSessions } : {}) },
        ipAddress,
      },
      tx,
    );
    await emitUserEvent(tx, "user.updated", userId);
    return { changed: true, revokedSessions };
  });
}

/** Revoke every session of the person (the acting admin's own current session survives when they target themselves). */
export async function revokeUserSessions({
  actorId,
  ipAddress,
  userId,
  keepSessionId,
}: Actor & { userId: string; keepSessionId?: string }) {
  return prisma.$transaction(async (tx) => {
    await lockUser(tx, userId);
    const keep = actorId === userId ? keepSessionId : undefined;
    const { count } = await tx.session.updateMany({
      where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
      data: { revokedAt: new Date() },
    });
    if (count > 0) {
      await recordAudit(
        {
          actorId,
          action: "user.sessions.revoke",
          entityType: "user",
          entityId: userId,
          after: { revokedSessions: count },
          ipAddress,
        },
        tx,
      );
    }
    return { revokedSessions: count };
  });
}

/** Remove the authenticator and the backup codes: the person signs in with the password alone until they set MFA up again. */
export async function resetUserMfa({ actorId, ipAddress, userId }: Actor & { userId: string }) {
  return prisma.$transaction(async (tx) => {
    await lockUser(tx, userId);
    const device = await tx.totpDevice.deleteMany({ where: { userId } });
    const codes = await tx.backupCode.deleteMany({ where: { userId } });
    if (device.count === 0 && codes.count === 0) return { changed: false };
    await recordAudit(
      {
        actorId,
        action: "user.mfa.reset",
        entityType: "user",
        entityId: userId,
        before: { totpDevice: device.count > 0, backupCodes: codes.count },
        after: { totpDevice: false, backupCodes: 0 },
        ipAddress,
      },
      tx,
    );
    return { changed: true };
  });
}
