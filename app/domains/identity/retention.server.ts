// What identity keeps, and for how long: the cleanup job calls this (see platform/jobs/cleanup).
import { prisma } from "~/infra/db.server";

const DAY = 24 * 3600_000;
export const LOGIN_ATTEMPT_RETENTION_DAYS = 90;
export const REVOKED_SESSION_RETENTION_DAYS = 30;

/** Delete expired sessions, spent or expired verifications and login attempts past retention. */
export async function purgeExpiredIdentityRecords(now = new Date()) {
  const [sessions, verifications, loginAttempts] = await Promise.all([
    prisma.session.deleteMany({
      where: {
        OR: [{ expiresAt: { lt: now } }, { revokedAt: { lt: new Date(now.getTime() - REVOKED_SESSION_RETENTION_DAYS * DAY) } }],
      },
    }),
    // A day of grace so "this link has expired" can still be told apart from "unknown link".
    prisma.verification.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - DAY) } } }),
    prisma.loginAttempt.deleteMany({
      where: { createdAt: { lt: new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_DAYS * DAY) } },
    }),
  ]);
  return { sessions: sessions.count, verifications: verifications.count, loginAttempts: loginAttempts.count };
}
