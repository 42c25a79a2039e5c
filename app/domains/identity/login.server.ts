// Password sign-in: lockout after repeated failures, the same answer for an unknown e-mail and a
// wrong password (with an argon2 verify against a dummy hash so timing matches), deactivated
// accounts refused, and a LoginAttempt row for every outcome. Unknown addresses "lock" too, after
// the same five failures and for the same fifteen minutes, so the locked answer does not reveal
// that an account exists.
import { prisma } from "~/infra/db.server";
import { getLimiter } from "~/infra/rate-limit.server";
import { RateLimiterRes } from "rate-limiter-flexible";
import { isLocked, lockExpired, LOCK_DURATION_MS, lockUntil, MAX_FAILED_LOGINS, reachesLock } from "./lockout";
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

/** The first factor (password or e-mail code) passed: record it and say whether a second one is owed. */
export async function firstFactorPassed({
  user,
  email,
  ipAddress,
  reason,
}: {
  user: { id: string; name: string };
  email: string;
  ipAddress: string;
  reason: Extract<LoginReason, "success" | "code_success">;
}) {
  const mfaRequired = await requiresMfa(user.id);
  await recordLoginAttempt({
    email,
    userId: user.id,
    ipAddress,
    success: !mfaRequired,
    reason: mfaRequired ? "mfa_required" : reason,
  });
  return { status: "ok" as const, userId: user.id, name: user.name, mfaRequired };
}

/** One more failed password: counted atomically, locking the account when it reaches the limit. */
async function registerFailure(user: { id: string; lockedUntil: Date | null }, now: Date) {
  if (user.lockedUntil && lockExpired(user, now)) {
    // The old lock has run out: start a fresh count (only the first racer resets it).
    await prisma.user.updateMany({
      where: { id: user.id, lockedUntil: user.lockedUntil },
      data: { failedLoginCount: 0, lockedUntil: null },
    });
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

/**
 * The lockout of an address without an account, mirroring the real one: failures are counted per
 * normalised address (for a day, as no account row keeps them) and the fifth locks the address for
 * LOCK_DURATION_MS; the first failure after the lock starts a fresh count. Redis-backed when
 * REDIS_URL is set, like every rate limit.
 */
const UNKNOWN_EMAIL_LOCK = {
  keyPrefix: "auth:unknown-email-lock",
  // The limiter refuses the consume that goes past `points`, i.e. the fifth failure, and blocks then.
  points: MAX_FAILED_LOGINS - 1,
  durationSeconds: 24 * 60 * 60,
  blockSeconds: LOCK_DURATION_MS / 1000,
};

/** Until when an unknown address is locked, or null. */
async function unknownEmailLockedUntil(address: string, now: Date): Promise<Date | null> {
  const state = await getLimiter(UNKNOWN_EMAIL_LOCK).get(address);
  if (!state || state.consumedPoints <= UNKNOWN_EMAIL_LOCK.points) return null;
  return new Date(now.getTime() + state.msBeforeNext);
}

/** One more failure for an unknown address; the date when this failure locks it. */
async function registerUnknownFailure(address: string, now: Date): Promise<Date | null> {
  try {
    await getLimiter(UNKNOWN_EMAIL_LOCK).consume(address);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return new Date(now.getTime() + error.msBeforeNext);
    throw error;
  }
}

export async function attemptPasswordLogin({
  email,
  password,
  ipAddress,
}: {
  email: string;
  password: string;
  ipAddress: string;
}): Promise<PasswordLoginResult> {
  const address = normaliseEmail(email);
  const now = new Date();
  const user = await prisma.user.findUnique({
    where: { email: address },
    select: { id: true, name: true, status: true, lockedUntil: true, password: { select: { hash: true } } },
  });
  if (!user) {
    // The same steps as for an account: a lock answers at once, otherwise a full password check.
    const lockedUntil = await unknownEmailLockedUntil(address, now);
    if (lockedUntil) {
      await recordLoginAttempt({ email: address, ipAddress, success: false, reason: "locked" });
      return { status: "locked", lockedUntil };
    }
    await verifyPassword(await getDummyHash(), password);
    const lockedNow = await registerUnknownFailure(address, now);
    await recordLoginAttempt({ email: address, ipAddress, success: false, reason: "unknown_email" });
    return lockedNow ? { status: "locked", lockedUntil: lockedNow } : { status: "invalid" };
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
  return firstFactorPassed({ user, email: address, ipAddress, reason: "success" });
}
