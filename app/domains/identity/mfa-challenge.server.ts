// The second step of sign-in for people with an authenticator: five wrong codes end the challenge.
// Wrong answers are counted from LoginAttempt rows (server side), so replaying an older cookie
// never buys extra guesses.
import { prisma } from "~/infra/db.server";
import { recordLoginAttempt } from "./login.server";
import { verifyMfaChallenge } from "./mfa-verify.server";

export const MFA_CHALLENGE_TTL_MS = 5 * 60 * 1000;
export const MAX_MFA_ATTEMPTS = 5;

export type MfaAnswer =
  | { status: "ok"; method: "totp" | "backup_code"; backupCodesLeft: number | null; name: string }
  | { status: "invalid"; attemptsLeft: number }
  | { status: "exhausted" };

async function failuresSince(userId: string, since: Date) {
  return prisma.loginAttempt.count({ where: { userId, reason: "mfa_invalid", createdAt: { gte: since } } });
}

export async function answerMfaChallenge({
  userId,
  code,
  ipAddress,
  startedAt,
}: {
  userId: string;
  code: string;
  ipAddress: string;
  startedAt: Date;
}): Promise<MfaAnswer> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, name: true, status: true } });
  if (!user || user.status !== "active") return { status: "exhausted" };
  if ((await failuresSince(userId, startedAt)) >= MAX_MFA_ATTEMPTS) {
    await recordLoginAttempt({ email: user.email, userId, ipAddress, success: false, reason: "mfa_exhausted" });
    return { status: "exhausted" };
  }
  const result = await verifyMfaChallenge({ userId, code });
  if (result.ok) {
    await recordLoginAttempt({ email: user.email, userId, ipAddress, success: true, reason: "mfa_success" });
    return { status: "ok", method: result.method, backupCodesLeft: result.backupCodesLeft, name: user.name };
  }
  await recordLoginAttempt({ email: user.email, userId, ipAddress, success: false, reason: "mfa_invalid" });
  const attemptsLeft = MAX_MFA_ATTEMPTS - (await failuresSince(userId, startedAt));
  return attemptsLeft > 0 ? { status: "invalid", attemptsLeft } : { status: "exhausted" };
}
