// Forgotten passwords: a one-hour, single-use link by e-mail. Asking never reveals whether the
// address has an account; using the link sets the password, signs the person out everywhere and
// lifts a lockout.
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma } from "~/infra/db.server";
import { enqueueJob } from "~/domains/platform/outbox/outbox.server";
import { queuePasswordResetEmail } from "./identity-emails.server";
import { passwordResetRequestJob } from "./identity.jobs.server";
import { hashPassword } from "./password-hash.server";
import { normaliseEmail } from "./registration.server";
import { consumeVerification, createVerification, getUsableVerification } from "./verification.server";

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/**
 * Ask for a reset link. The request only writes an outbox job (the same work for every address, so
 * the answer takes the same time whether or not the address has an account); the job looks the
 * account up and, when it is active, e-mails the link (see identity.jobs.server.ts).
 */
export async function requestPasswordReset({ email, ipAddress }: { email: string; ipAddress: string }): Promise<void> {
  await enqueueJob(prisma, passwordResetRequestJob, { email: normaliseEmail(email).slice(0, 320), ipAddress });
}

/** The job's work: a fresh single-use token and its e-mail for an active account; nothing otherwise. */
export async function sendPasswordResetLink({
  email,
  ipAddress,
  eventId,
}: {
  email: string;
  ipAddress: string;
  eventId: string;
}): Promise<{ sent: boolean }> {
  if (await prisma.emailMessage.findUnique({ where: { id: eventId }, select: { id: true } })) return { sent: true };
  const address = normaliseEmail(email);
  const user = await prisma.user.findUnique({
    where: { email: address },
    select: { id: true, name: true, locale: true, status: true },
  });
  if (!user || user.status !== "active") return { sent: false };
  const token = await createVerification({
    type: "password_reset",
    target: address,
    userId: user.id,
    ttlMs: PASSWORD_RESET_TTL_MS,
  });
  await prisma.$transaction(async (tx) => {
    await queuePasswordResetEmail({ to: address, name: user.name, token, locale: user.locale }, { db: tx, id: eventId });
    await recordAudit(
      { actorId: user.id, action: "user.password_reset_requested", entityType: "user", entityId: user.id, ipAddress },
      tx,
    );
  });
  return { sent: true };
}

/** The e-mail address a still-usable reset token is for (null when unknown, used or expired). */
export async function getPasswordResetTarget({ token }: { token: string }): Promise<{ email: string } | null> {
  const row = await getUsableVerification({ type: "password_reset", token });
  return row?.userId ? { email: row.target } : null;
}

/** Use the token (once) and set the new password; throws DomainError("invalid_token") otherwise. */
export async function resetPassword({
  token,
  password,
  ipAddress,
}: {
  token: string;
  password: string;
  ipAddress: string;
}): Promise<{ userId: string; email: string }> {
  const hash = await hashPassword(password);
  const row = await consumeVerification({ type: "password_reset", token });
  if (!row?.userId) throw new DomainError("invalid_token", "This reset link is not valid.");
  const userId = row.userId;
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    await tx.password.upsert({ where: { userId }, create: { userId, hash }, update: { hash } });
    await tx.user.update({ where: { id: userId }, data: { failedLoginCount: 0, lockedUntil: null }, select: { id: true } });
    await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await tx.verification.updateMany({ where: { userId, type: "password_reset", usedAt: null }, data: { expiresAt: now } });
    await recordAudit({ actorId: userId, action: "user.password_reset", entityType: "user", entityId: userId, ipAddress }, tx);
  });
  return { userId, email: row.target };
}
