// Password sign-in: lockout after repeated failures, the same answer for an unknown e-mail and a
// wrong password (with an argon2 verify against a dummy hash so timing matches), deactivated
// accounts refused, and a LoginAttempt row for every outcome.
import { prisma } from "~/infra/db.server";
import { isLocked, lockExpired, lockUntil, reachesLock } from "./lockout";
import { getDummyHash, verifyPassword } from "./password-hash.server";
import { normaliseEmail } from "./registration.server";

export type LoginReason =
  | "success"
  | "mfa_required"
  | "unknown_email"
  | "wrong_password"
  | "locked"
  | "deactivated"
  | "rate_limited"
  | "mfa_success"
  | "mfa_invalid"
  | "mfa_exhausted"
  | "code_success"
  | "code_invalid"
  | "code_reused";

export async function recordLoginAttempt({
  email,
  userId = null,
  ipAddress,
  success,
  reason,
}: {
  email: string;
  userId?: string | null;
  ipAddress: string;
  success: boolean;
  reason: LoginReason;
}) {
  await prisma.loginAttempt.create({
    data: { email: normaliseEmail(email).slice(0, 320), userId, ipAddress, success, reason },
    select: { id: true },
  });
}

export type PasswordLoginResult =
  | { status: "ok"; userId: string; name: string; mfaRequired: boolean }
  | { status: "invalid" }
  | { status: "locked"; lockedUntil: Date }
  | { status: "deactivated" };

/** Whether the user must pass a second factor (a confirmed authenticator device). */
export async function requiresMfa(userId: string): Promise<boolean> {
  const device = await prisma.totpDevice.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return Boolean(device?.confirmedAt);
}

/** One more failed password: counted atomically, locking the account when it reaches the limit. */
async function registerFailure(user: { id: string; lockedUntil: Date | null }, now: Date) {
  if (user.lockedUntil && lockExpired(user, now)) {
    // The old lock has run out: start a fresh count (only the first racer resets it).
    await prisma.user.updateMany({ where: { id: user.id, lockedUntil: user.lockedUntil }, data: { failedLoginCount: 0, lockedUntil: null } });
  }
  const updated = await prisma.user.update({
    where: { id: user.id },
    data: { failedLoginCount: { increment: 1 } },
    select: { failedLoginCount: true },
  });
  if (reachesLock(updated.failedLoginCount)) {
    await prisma.user.updateMany({
      where: { id: user.id, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { lockedUntil: lockUntil(now) },
    });
  }
}

export async function attemptPasswordLogin({ email, password, ipAddress }: { email: string; password: string; ipAddress: string }): Promise<PasswordLoginResult> {
  const address = normaliseEmail(email);
  const now = new Date();
  const user = await prisma.user.findUnique({
    where: { email: address },
    select: { id: true, name: true, status: true, lockedUntil: true, password: { select: { hash: true } } },
  });
  if (!user) {
    await verifyPassword(await getDummyHash(), password);
    await recordLoginAttempt({ email: address, ipAddress, success: false, reason: "unknown_email" });
    return { status: "invalid" };
  }
  if (user.lockedUntil && isLocked(user, now)) {
    await recordLoginAttempt({ email: address, userId: user.id, ipAddress, success: false, reason: "locked" });
    return { status: "locked", lockedUntil: user.lockedUntil };
  }
  const valid = await verifyPassword(user.password?.hash ?? (await getDummyHash()), password);
  if (!valid || !user.password) {
    await registerFailure(user, now);
    await recordLoginAttempt({ email: address, userId: user.id, ipAddress, success: false, reason: "wrong_password" });
    const after = await prisma.user.findUnique({ where: { id: user.id }, select: { lockedUntil: true } });
    if (after?.lockedUntil && isLocked(after, now)) return { status: "locked", lockedUntil: after.lockedUntil };
    return { status: "invalid" };
  }
  if (user.status !== "active") {
    await recordLoginAttempt({ email: address, userId: user.id, ipAddress, success: false, reason: "deactivated" });
    return { status: "deactivated" };
  }
  // Right password: the run of failures is over (unless a parallel request just locked the account).
  const { count } = await prisma.user.updateMany({
    where: { id: user.id, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { failedLoginCount: 0, lockedUntil: null },
  });
  if (count === 0) {
    const locked = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
    await recordLoginAttempt({ email: address, userId: user.id, ipAddress, success: false, reason: "locked" });
    return { status: "locked", lockedUntil: locked.lockedUntil ?? lockUntil(now) };
  }
  const mfaRequired = await requiresMfa(user.id);
  await recordLoginAttempt({ email: address, userId: user.id, ipAddress, success: !mfaRequired, reason: mfaRequired ? "mfa_required" : "success" });
  return { status: "ok", userId: user.id, name: user.name, mfaRequired };
}
