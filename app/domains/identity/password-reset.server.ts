// Forgotten passwords: a one-hour, single-use link by e-mail. Asking never reveals whether the
// address has an account; using the link sets the password, signs the person out everywhere and
// lifts a lockout.
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma } from "~/infra/db.server";
import { runDetached, sendPasswordResetEmail } from "./identity-emails.server";
import { hashPassword } from "./password-hash.server";
import { normaliseEmail } from "./registration.server";
import { consumeVerification, createVerification, getUsableVerification } from "./verification.server";

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/**
 * Send a reset link when the address belongs to an active account; does nothing otherwise. The
 * lookup, the token and the e-mail run detached from the request (see `runDetached`), so the
 * answer takes the same time for known and unknown addresses. The worker queue (issue 3) replaces
 * the detached promise with an enqueued job.
 */
export async function requestPasswordReset({ email, ipAddress }: { email: string; ipAddress: string }): Promise<void> {
  runDetached("password reset", () => requestPasswordResetNow({ email, ipAddress }));
}

async function requestPasswordResetNow({ email, ipAddress }: { email: string; ipAddress: string }): Promise<void> {
  const address = normaliseEmail(email);
  const user = await prisma.user.findUnique({
    where: { email: address },
    select: { id: true, name: true, locale: true, status: true },
  });
  if (!user || user.status !== "active") return;
  const token = await createVerification({
    type: "password_reset",
    target: address,
    userId: user.id,
    ttlMs: PASSWORD_RESET_TTL_MS,
  });
  await sendPasswordResetEmail({ to: address, name: user.name, token, locale: user.locale });
  await recordAudit({
    actorId: user.id,
    action: "user.password_reset_requested",
    entityType: "user",
    entityId: user.id,
    ipAddress,
  });
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
