// The second step of sign-in for people with an authenticator. Wrong answers are counted per user
// from LoginAttempt rows (server side) over a rolling window, so neither replaying an older cookie
// nor entering the password again buys extra guesses: five wrong codes in fifteen minutes end the
// challenge until the window has moved on (a successful answer starts a fresh count). Answers
// refused for being past the limit count too, so hammering keeps the challenge closed.
//
// Each answer is claimed before it is checked: its row is written first as a wrong answer and only
// then counted, so parallel requests cannot get more than five codes evaluated between them.
import { prisma } from "~/infra/db.server";
import { normaliseEmail } from "./registration.server";
import { verifyMfaChallenge } from "./mfa-verify.server";

export const MFA_CHALLENGE_TTL_MS = 5 * 60 * 1000;
export const MAX_MFA_ATTEMPTS = 5;
/** Wrong answers count against the account for this long. */
export const MFA_FAILURE_WINDOW_MS = 15 * 60 * 1000;

export type MfaAnswer =
  | { status: "ok"; method: "totp" | "backup_code"; backupCodesLeft: number | null; name: string }
  | { status: "invalid"; attemptsLeft: number }
  | { status: "exhausted" };

/** Start of the rolling window: fifteen minutes back, or the last successful answer if later. */
async function windowStart(userId: string, now: Date) {
  const since = new Date(now.getTime() - MFA_FAILURE_WINDOW_MS);
  const success = await prisma.loginAttempt.findFirst({
    where: { userId, reason: "mfa_success", createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return success?.createdAt ?? since;
}

/** Wrong answers, and answers refused for being past the limit, since `since`. */
async function failuresSince(userId: string, since: Date) {
  return prisma.loginAttempt.count({
    where: { userId, reason: { in: ["mfa_invalid", "mfa_exhausted"] }, createdAt: { gt: since } },
  });
}

export async function answerMfaChallenge({
  userId,
  code,
  ipAddress,
}: {
  userId: string;
  code: string;
  ipAddress: string;
}): Promise<MfaAnswer> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, name: true, status: true } });
  if (!user || user.status !== "active") return { status: "exhausted" };
  const now = new Date();
  // Claim first (as a wrong answer), then count: whoever counts past the limit is refused.
  const claim = await prisma.loginAttempt.create({
    data: { email: normaliseEmail(user.email).slice(0, 320), userId, ipAddress, success: false, reason: "mfa_invalid" },
    select: { id: true },
  });
  const since = await windowStart(userId, now);
  if ((await failuresSince(userId, since)) > MAX_MFA_ATTEMPTS) {
    await prisma.loginAttempt.update({ where: { id: claim.id }, data: { reason: "mfa_exhausted" }, select: { id: true } });
    return { status: "exhausted" };
  }
  const result = await verifyMfaChallenge({ userId, code });
  if (result.ok) {
    await prisma.loginAttempt.update({
      where: { id: claim.id },
      data: { reason: "mfa_success", success: true },
      select: { id: true },
    });
    return { status: "ok", method: result.method, backupCodesLeft: result.backupCodesLeft, name: user.name };
  }
  const attemptsLeft = MAX_MFA_ATTEMPTS - (await failuresSince(userId, since));
  return attemptsLeft > 0 ? { status: "invalid", attemptsLeft } : { status: "exhausted" };
}
