// Stored, revocable sessions. The cookie only carries the session id; the row says who, from
// where, when last seen, and whether it was revoked.
import { randomBytes } from "node:crypto";
import { prisma, type Tx } from "~/infra/db.server";
import { SESSION_MAX_AGE_SECONDS } from "~/infra/cookies.server";

const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export type AuthUser = {
  id: string;
  email: string;
  name: string;
  timeZone: string;
  locale: string;
  emailVerified: boolean;
  mfaEnabled: boolean;
  roles: string[];
  permissions: Set<string>;
  sessionId: string;
};

export function newSessionId() {
  return randomBytes(32).toString("base64url");
}

export async function createSession({
  userId,
  ipAddress,
  userAgent,
}: {
  userId: string;
  ipAddress?: string;
  userAgent?: string | null;
}) {
  const session = await prisma.session.create({
    data: {
      id: newSessionId(),
      userId,
      ipAddress,
      userAgent: userAgent?.slice(0, 500) ?? null,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
    select: { id: true },
  });
  await prisma.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() }, select: { id: true } });
  return session.id;
}

export async function getSessionUser(sessionId: string): Promise<AuthUser | null> {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          status: true,
          timeZone: true,
          locale: true,
          emailVerifiedAt: true,
          totpDevice: { select: { confirmedAt: true } },
          roles: {
            select: {
              role: {
                select: {
                  name: true,
                  permissions: { select: { permission: { select: { action: true, entity: true, access: true } } } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date() || session.user.status !== "active") return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: new Date() } });
  }
  const { user } = session;
  const permissions = new Set<string>();
  for (const { role } of user.roles) {
    for (const { permission: p } of role.permissions) permissions.add(`${p.action}:${p.entity}:${p.access}`);
  }
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    timeZone: user.timeZone,
    locale: user.locale,
    emailVerified: user.emailVerifiedAt !== null,
    mfaEnabled: Boolean(user.totpDevice?.confirmedAt),
    roles: user.roles.map(({ role }) => role.name).sort(),
    permissions,
    sessionId: session.id,
  };
}

export async function listSessions({ userId }: { userId: string }) {
  return prisma.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, ipAddress: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
}

export async function revokeSession({ userId, sessionId }: { userId: string; sessionId: string }) {
  const { count } = await prisma.session.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}

/** Revoke every session of the user except `keepSessionId` (all of them when it is omitted). */
export async function revokeOtherSessions(
  { userId, keepSessionId }: { userId: string; keepSessionId?: string },
  db: Pick<Tx, "session"> = prisma,
) {
  const { count } = await db.session.updateMany({
    where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
