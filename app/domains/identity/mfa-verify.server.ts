// Checking a second factor: a TOTP code from the authenticator app (each 30-second step accepted
// once) or one of the user's backup codes (each accepted once). Both "once" rules are enforced by
// conditional updates, so two parallel submissions of the same code cannot both pass.
import { verifyTOTP } from "@epic-web/totp";
import { prisma } from "~/infra/db.server";
import { decryptSecret } from "~/infra/crypto.server";
import { hashBackupCode, looksLikeBackupCode } from "./backup-codes";

/** Clock drift tolerated on either side, in steps. */
const TOTP_WINDOW = 1;

export function normaliseTotpCode(code: string) {
  return code.replace(/\s/g, "");
}

/**
 * Check `code` against the user's TOTP device (confirmed or still being enrolled) and, when it
 * matches, record its time step so the same code cannot be used again.
 */
export async function verifyTotpForUser({ userId, code }: { userId: string; code: string }): Promise<boolean> {
  const otp = normaliseTotpCode(code);
  if (!/^\d{6,8}$/.test(otp)) return false;
  const device = await prisma.totpDevice.findUnique({
    where: { userId },
    select: { id: true, secret: true, algorithm: true, digits: true, period: true },
  });
  if (!device || otp.length !== device.digits) return false;
  const now = Date.now();
  const result = await verifyTOTP({
    otp,
    secret: decryptSecret(device.secret),
    algorithm: device.algorithm,
    digits: device.digits,
    period: device.period,
    window: TOTP_WINDOW,
  });
  if (!result) return false;
  const step = Math.floor(now / 1000 / device.period) + result.delta;
  const { count } = await prisma.totpDevice.updateMany({
    where: { id: device.id, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step },
  });
  return count === 1;
}

/** Spend one unused backup code of the user; true exactly once per code. */
export async function consumeBackupCode({ userId, code }: { userId: string; code: string }): Promise<boolean> {
  if (!looksLikeBackupCode(code)) return false;
  const candidate = await prisma.backupCode.findFirst({
    where: { userId, codeHash: hashBackupCode(code), usedAt: null },
    select: { id: true },
  });
  if (!candidate) return false;
  const { count } = await prisma.backupCode.updateMany({
    where: { id: candidate.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

export type MfaChallengeResult = { ok: true; method: "totp" | "backup_code"; backupCodesLeft: number | null } | { ok: false };

/** The sign-in challenge: the user must have a confirmed device; a TOTP code or a backup code passes. */
export async function verifyMfaChallenge({ userId, code }: { userId: string; code: string }): Promise<MfaChallengeResult> {
  const device = await prisma.totpDevice.findUnique({ where: { userId }, select: { confirmedAt: true } });
  if (!device?.confirmedAt) return { ok: false };
  // Six digits is an authenticator code; anything else is tried as a backup code.
  if (/^\d{6}$/.test(normaliseTotpCode(code))) {
    return (await verifyTotpForUser({ userId, code })) ? { ok: true, method: "totp", backupCodesLeft: null } : { ok: false };
  }
  if (!(await consumeBackupCode({ userId, code }))) return { ok: false };
  const backupCodesLeft = await prisma.backupCode.count({ where: { userId, usedAt: null } });
  return { ok: true, method: "backup_code", backupCodesLeft };
}
