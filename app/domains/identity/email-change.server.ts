// Changing one's e-mail address. Asking needs the current password and only sends a link to the
// NEW address; the address on the account changes when the signed-in owner opens that link
// (single use, one hour). The old address is told about both steps.
import { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { queueTemplateEmail } from "~/domains/platform/email/send-template.server";
import { emitUserEvent } from "~/domains/platform/webhooks/user-events.server";
import { prisma } from "~/infra/db.server";
import { getEnv } from "~/infra/env.server";
import { verifyPassword } from "./password-hash.server";
import { consumeVerification, createVerification, getUsableVerification } from "./verification.server";

export const EMAIL_CHANGE_TTL_MS = 60 * 60 * 1000;
export const CONFIRM_EMAIL_PATH = "/account/security/confirm-email";

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

async function emailTaken(email: string, exceptUserId: string) {
  const owner = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  return Boolean(owner && owner.id !== exceptUserId);
}

/**
 * Throws DomainError "invalid_current_password", "same_email" or "email_taken".
 * Sends the confirmation link to the new address.
 */
export async function requestEmailChange({
  userId,
  currentPassword,
  newEmail,
  ipAddress,
}: {
  userId: string;
  currentPassword: string;
  newEmail: string;
  ipAddress?: string;
}) {
  const email = normalizeEmail(newEmail);
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, locale: true, password: { select: { hash: true } } },
  });
  if (!user.password || !(await verifyPassword(user.password.hash, currentPassword))) {
    throw new DomainError("invalid_current_password", "The current password is not correct");
  }
  if (email === user.email) throw new DomainError("same_email", "This is already the account's address");
  if (await emailTaken(email, userId)) throw new DomainError("email_taken", "Another account uses this address");

  const token = await createVerification({ type: "email_change", target: email, userId, ttlMs: EMAIL_CHANGE_TTL_MS });
  const url = `${getEnv().APP_URL}${CONFIRM_EMAIL_PATH}?${new URLSearchParams({ token })}`;
  await prisma.$transaction(async (tx) => {
    await queueTemplateEmail(tx, {
      to: email,
      locale: user.locale,
      template: "email-change-confirm",
      props: { name: user.name, url },
    });
    await recordAudit(
      {
        actorId: userId,
        action: "user.email_change_requested",
        entityType: "user",
        entityId: userId,
        after: { email },
        ipAddress,
      },
      tx,
    );
    // The old address hears about it too.
    await queueTemplateEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: "email-change-requested",
      props: { name: user.name, newEmail: email },
    });
  });
  return { email };
}

/**
 * Applies the change the token stands for, when it belongs to `userId`.
 * Throws DomainError "invalid_token" or "email_taken".
 */
export async function confirmEmailChange({ userId, token, ipAddress }: { userId: string; token: string; ipAddress?: string }) {
  // Someone else's link (or a stale one) is refused without being spent.
  const usable = await getUsableVerification({ type: "email_change", token });
  if (!usable || usable.userId !== userId) throw new DomainError("invalid_token", "The link is invalid, used or expired");
  const verification = await consumeVerification({ type: "email_change", token });
  if (!verification || verification.userId !== userId)
    throw new DomainError("invalid_token", "The link is invalid, used or expired");
  const email = normalizeEmail(verification.target);
  const before = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, locale: true },
  });
  if (await emailTaken(email, userId)) throw new DomainError("email_taken", "Another account uses this address");
  try {
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { email, emailVerifiedAt: new Date() }, select: { id: true } });
      await recordAudit(
        {
          actorId: userId,
          action: "user.email_changed",
          entityType: "user",
          entityId: userId,
          before: { email: before.email },
          after: { email },
          ipAddress,
        },
        tx,
      );
      await emitUserEvent(tx, "user.updated", userId);
      // The old address is told, in the same transaction as the change.
      if (before.email !== email) {
        await queueTemplateEmail(tx, {
          to: before.email,
          locale: before.locale,
          template: "email-changed",
          props: { name: before.name, newEmail: email },
        });
      }
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("email_taken", "Another account uses this address");
    }
    throw error;
  }
  return { email };
}
