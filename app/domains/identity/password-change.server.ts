// Changing one's own password: the current password proves it is really them, the new one must
// follow the rules, every other session is revoked (the caller rotates the current one) and the
// address on file is told, so a change they did not make does not go unnoticed.
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { queueTemplateEmail } from "~/domains/platform/email/send-template.server";
import { prisma } from "~/infra/db.server";
import { getEnv } from "~/infra/env.server";
import { hashPassword, verifyPassword } from "./password-hash.server";
import { passwordProblems } from "./passwords";
import { revokeOtherSessions } from "./sessions.server";

type ChangePasswordInput = {
  userId: string;
  currentSessionId: string;
  currentPassword: string;
  newPassword: string;
  ipAddress?: string;
};

/**
 * Throws DomainError "invalid_current_password", "weak_password" (details.problems) or
 * "same_password". Returns how many other sessions were revoked.
 */
export async function changePassword({ userId, currentSessionId, currentPassword, newPassword, ipAddress }: ChangePasswordInput) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, locale: true, password: { select: { hash: true } } },
  });
  if (!user.password || !(await verifyPassword(user.password.hash, currentPassword))) {
    throw new DomainError("invalid_current_password", "The current password is not correct");
  }
  const problems = passwordProblems(newPassword, user.email);
  if (problems.length > 0) throw new DomainError("weak_password", "The new password breaks the rules", { problems });
  if (newPassword === currentPassword) throw new DomainError("same_password", "The new password is the current one");

  const hash = await hashPassword(newPassword);
  const revokedSessions = await prisma.$transaction(async (tx) => {
    await tx.password.update({ where: { userId }, data: { hash }, select: { userId: true } });
    await recordAudit({ actorId: userId, action: "user.password_changed", entityType: "user", entityId: userId, ipAddress }, tx);
    // Queued with the change: a mail outage delays the notice, it never turns the change into an error.
    await queueTemplateEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: "password-changed",
      props: { name: user.name, url: `${getEnv().APP_URL}/account/security` },
    });
    return revokeOtherSessions({ userId, keepSessionId: currentSessionId }, tx);
  });
  return { revokedSessions };
}
