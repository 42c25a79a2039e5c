// Signing up: a new person always gets the "user" role, an argon2id password and an e-mail
// verification link. Verifying the address later uses the same single-use tokens.
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { emitUserEvent } from "~/domains/platform/webhooks/user-events.server";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/infra/db.server";
import { queueVerificationEmail } from "./identity-emails.server";
import { hashPassword } from "./password-hash.server";
import { consumeVerification, createVerification } from "./verification.server";

export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
const DEFAULT_ROLE = "user";

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

type RegisterInput = { name: string; email: string; password: string; locale: string; timeZone: string; ipAddress: string };

/** Create the account; throws DomainError("email_taken") when the address is already registered. */
export async function registerUser({ name, email, password, locale, timeZone, ipAddress }: RegisterInput) {
  const address = normaliseEmail(email);
  const existing = await prisma.user.findUnique({ where: { email: address }, select: { id: true } });
  if (existing) throw new DomainError("email_taken", "An account with this e-mail address already exists.");
  const hash = await hashPassword(password);
  let user: { id: string; email: string; name: string; locale: string };
  try {
    user = await prisma.$transaction(async (tx) => {
      const role = await tx.role.findUniqueOrThrow({ where: { name: DEFAULT_ROLE }, select: { id: true } });
      const created = await tx.user.create({
        data: {
          email: address,
          name: name.trim(),
          locale,
          timeZone,
          password: { create: { hash } },
          roles: { create: [{ roleId: role.id }] },
        },
        select: { id: true, email: true, name: true, locale: true },
      });
      await recordAudit(
        { actorId: created.id, action: "user.registered", entityType: "user", entityId: created.id, ipAddress },
        tx,
      );
      await emitUserEvent(tx, "user.created", created.id);
      return created;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("email_taken", "An account with this e-mail address already exists.");
    }
    throw error;
  }
  await issueEmailVerification({ userId: user.id, email: user.email, name: user.name, locale: user.locale });
  return user;
}

export async function issueEmailVerification({
  userId,
  email,
  name,
  locale,
}: {
  userId: string;
  email: string;
  name: string;
  locale: string;
}) {
  const token = await createVerification({ type: "email_verification", target: email, userId, ttlMs: EMAIL_VERIFICATION_TTL_MS });
  await queueVerificationEmail({ to: email, name, token, locale });
}

/** Send a fresh link to a signed-in person whose address is not verified yet; false when already verified. */
export async function resendEmailVerification({ userId }: { userId: string }): Promise<{ sent: boolean; email: string }> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, locale: true, emailVerifiedAt: true },
  });
  if (user.emailVerifiedAt) return { sent: false, email: user.email };
  await issueEmailVerification({ userId: user.id, email: user.email, name: user.name, locale: user.locale });
  return { sent: true, email: user.email };
}

/** Use a verification link: true when it was valid (once) and the address still belongs to that user. */
export async function verifyEmail({ token }: { token: string }): Promise<{ userId: string } | null> {
  const row = await consumeVerification({ type: "email_verification", token });
  if (!row?.userId) return null;
  const { count } = await prisma.user.updateMany({
    where: { id: row.userId, email: row.target },
    data: { emailVerifiedAt: new Date() },
  });
  if (count !== 1) return null;
  await recordAudit({ actorId: row.userId, action: "user.email_verified", entityType: "user", entityId: row.userId });
  return { userId: row.userId };
}
