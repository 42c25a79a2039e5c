// One-time sign-in codes by e-mail (remix-auth-totp generates and checks them against its
// encrypted cookie). On top of that, every code we send is a Verification row: a code (or its
// magic link) signs in once, and never after its ten minutes. Wrong guesses are counted here, per
// normalised address (never trusting the cookie's spelling): five spend the code. Unknown addresses get no e-mail and
// no row, and the person sees the same page as for a known one.
import { createDecipheriv, createHash, hkdfSync } from "node:crypto";
import { prisma } from "~/infra/db.server";
import { getEnv } from "~/infra/env.server";
import { enqueueJob } from "~/domains/platform/outbox/outbox.server";
import { appLink, queueSignInCodeEmail } from "./identity-emails.server";
import { signInCodeJob } from "./identity.jobs.server";
import { firstFactorPassed, recordLoginAttempt } from "./login.server";
import { normaliseEmail } from "./registration.server";

export const SIGN_IN_CODE_PERIOD_SECONDS = 10 * 60;
export const EMAIL_CODE_COOKIE = "_totp";
/** Wrong guesses at one issued code before it is spent and a new one must be requested. */
export const MAX_CODE_GUESSES = 5;

/** The strategy's 64-hex-character secret, derived from ENCRYPTION_KEY (never the key itself). */
export function emailCodeSecret(): string {
  const key = Buffer.from(getEnv().ENCRYPTION_KEY, "hex");
  return Buffer.from(hkdfSync("sha256", key, "verso", "verso/email-sign-in-code/v1", 32)).toString("hex");
}

function codeHash(email: string, code: string) {
  return createHash("sha256")
    .update(`sign_in_code:${normaliseEmail(email)}:${code.trim()}`)
    .digest("hex");
}

/**
 * Send the code to an active account and remember that it was issued; silent for anyone else.
 * The request only writes an outbox job (the same work for every address, so the answer takes the
 * same time whether or not the address has an account); the job does the lookup, the rows and the
 * e-mail (see identity.jobs.server.ts).
 */
export async function issueSignInCode({ email, code, magicLink }: { email: string; code: string; magicLink: string }) {
  // The link goes to APP_URL whatever Host header the request carried.
  const link = new URL(magicLink);
  await enqueueJob(prisma, signInCodeJob, {
    email: normaliseEmail(email).slice(0, 320),
    code,
    magicLink: appLink(link.pathname + link.search),
  });
}

/** The job's work: the code's Verification row and its e-mail, in one transaction, for an active account. */
export async function sendSignInCode({
  email,
  code,
  magicLink,
  eventId,
}: {
  email: string;
  code: string;
  magicLink: string;
  eventId: string;
}): Promise<{ sent: boolean }> {
  const address = normaliseEmail(email);
  const user = await prisma.user.findUnique({
    where: { email: address },
    select: { id: true, name: true, locale: true, status: true },
  });
  if (!user || user.status !== "active") return { sent: false };
  const tokenHash = codeHash(address, code);
  return prisma.$transaction(async (tx) => {
    // A retry after the e-mail was queued does nothing more.
    if (await tx.emailMessage.findUnique({ where: { id: eventId }, select: { id: true } })) return { sent: true };
    const now = new Date();
    // Only the newest code counts.
    await tx.verification.updateMany({
      where: { type: "sign_in_code", userId: user.id, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await tx.verification.deleteMany({ where: { tokenHash } });
    await tx.verification.create({
      data: {
        type: "sign_in_code",
        target: address,
        userId: user.id,
        tokenHash,
        expiresAt: new Date(now.getTime() + SIGN_IN_CODE_PERIOD_SECONDS * 1000),
      },
      select: { id: true },
    });
    await queueSignInCodeEmail({ to: address, name: user.name, code, magicLink, locale: user.locale }, { db: tx, id: eventId });
    return { sent: true };
  });
}

export type SignInCodeResult =
  { status: "ok"; userId: string; name: string; mfaRequired: boolean } | { status: "used" } | { status: "deactivated" };

/** Spend an issued code (the strategy has already checked it cryptographically). */
export async function redeemSignInCode({
  email,
  code,
  ipAddress,
}: {
  email: string;
  code: string;
  ipAddress: string;
}): Promise<SignInCodeResult> {
  const address = normaliseEmail(email);
  const now = new Date();
  const tokenHash = codeHash(address, code);
  const { count } = await prisma.verification.updateMany({
    where: { tokenHash, type: "sign_in_code", target: address, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  const user = await prisma.user.findUnique({ where: { email: address }, select: { id: true, name: true, status: true } });
  if (count !== 1 || !user) {
    await recordLoginAttempt({ email: address, userId: user?.id ?? null, ipAddress, success: false, reason: "code_reused" });
    return { status: "used" };
  }
  if (user.status !== "active") {
    await recordLoginAttempt({ email: address, userId: user.id, ipAddress, success: false, reason: "deactivated" });
    return { status: "deactivated" };
  }
  return firstFactorPassed({ user, email: address, ipAddress, reason: "code_success" });
}

/** The code inside a magic link's `t` parameter (a compact JWE, dir + A256GCM, made by the strategy). */
export function codeFromMagicLinkToken(token: string): string | null {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[1] !== "") return null;
  const [header, , iv, ciphertext, tag] = parts;
  try {
    const decipher = createDecipheriv("aes-256-gcm", Buffer.from(emailCodeSecret(), "hex"), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(header, "ascii"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
    const parsed = JSON.parse(plain) as { code?: unknown };
    return typeof parsed.code === "string" ? parsed.code : null;
  } catch {
    return null;
  }
}

/** What the strategy's cookie says: the address the code went to and the last error, if any. */
export function readEmailCodeCookie(cookieHeader: string | null): {
  email: string | null;
  error: string | null;
  pending: boolean;
} {
  const match = new RegExp(`(?:^|;\\s*)${EMAIL_CODE_COOKIE}=([^;]*)`).exec(cookieHeader ?? "");
  if (!match) return { email: null, error: null, pending: false };
  const params = new URLSearchParams(match[1]);
  return { email: params.get("email"), error: params.get("error"), pending: Boolean(params.get("totp")) };
}

export type CodeGuessClaim = { allowed: true; claimId: string } | { allowed: false };

/** The outstanding code of an address: guesses count from when it was issued. */
async function outstandingCodeSince(address: string, now: Date): Promise<Date> {
  const code = await prisma.verification.findFirst({
    where: { type: "sign_in_code", target: address, usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return code?.createdAt ?? new Date(now.getTime() - SIGN_IN_CODE_PERIOD_SECONDS * 1000);
}

function wrongGuessesSince(address: string, since: Date) {
  return prisma.loginAttempt.count({ where: { email: address, reason: "code_invalid", createdAt: { gte: since } } });
}

/** Spend every outstanding code of the address: a new one must be requested. */
async function invalidateOutstandingCodes(address: string, now: Date) {
  await prisma.verification.updateMany({ where: { type: "sign_in_code", target: address, usedAt: null }, data: { usedAt: now } });
}

/**
 * Claim one guess at the address's outstanding code BEFORE the code is checked. Guesses are
 * counted on the server per normalised address (whatever spelling the browser's cookie carries):
 * the claim is written first as a wrong guess ("code_invalid") and only then counted, so parallel
 * requests cannot get more than MAX_CODE_GUESSES evaluations between them. Over the limit, the
 * outstanding code is spent and the claim is recorded as "rate_limited".
 */
export async function claimCodeGuess({ email, ipAddress }: { email: string; ipAddress: string }): Promise<CodeGuessClaim> {
  const address = normaliseEmail(email);
  const now = new Date();
  const user = await prisma.user.findUnique({ where: { email: address }, select: { id: true } });
  const claim = await prisma.loginAttempt.create({
    data: { email: address.slice(0, 320), userId: user?.id ?? null, ipAddress, success: false, reason: "code_invalid" },
    select: { id: true },
  });
  const since = await outstandingCodeSince(address, now);
  if ((await wrongGuessesSince(address, since)) <= MAX_CODE_GUESSES) return { allowed: true, claimId: claim.id };
  await prisma.loginAttempt.update({ where: { id: claim.id }, data: { reason: "rate_limited" }, select: { id: true } });
  await invalidateOutstandingCodes(address, now);
  return { allowed: false };
}

/**
 * After the strategy answered a claimed guess: a right code drops the claim (redeemSignInCode
 * recorded the outcome); a wrong one stays counted, and the last allowed wrong guess spends the code.
 */
export async function settleCodeGuess({ email, claimId, succeeded }: { email: string; claimId: string; succeeded: boolean }) {
  if (succeeded) {
    await prisma.loginAttempt.deleteMany({ where: { id: claimId } });
    return;
  }
  const address = normaliseEmail(email);
  const now = new Date();
  const since = await outstandingCodeSince(address, now);
  if ((await wrongGuessesSince(address, since)) >= MAX_CODE_GUESSES) await invalidateOutstandingCodes(address, now);
}
