// Turning two-factor sign-in on and off from the account area. Enrolment is two steps: a new
// secret is stored (encrypted) on an unconfirmed device and shown as a QR code and as text; a code
// from the app confirms it, which switches MFA on and issues ten backup codes (stored hashed,
// returned once). Regenerating codes and switching MFA off both need a fresh authenticator code.
import { generateTOTP, getTOTPAuthUri } from "@epic-web/totp";
import QRCode from "qrcode";
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { decryptSecret, encryptSecret } from "~/infra/crypto.server";
import { prisma } from "~/infra/db.server";
import type { Tx } from "~/infra/db.server";
import { generateBackupCodes, hashBackupCode } from "./backup-codes";
import { verifyTotpForUser } from "./mfa-verify.server";

export const TOTP_ISSUER = "Verso";
const TOTP_SETTINGS = { algorithm: "SHA-1", digits: 6, period: 30 } as const;

export type MfaOverview =
  | { status: "off" }
  | { status: "pending"; secret: string; otpauthUri: string; qrSvg: string }
  | { status: "on"; confirmedAt: Date; backupCodesLeft: number };

/** The QR code as a bare SVG string: no style attributes or scripts, so it renders under our CSP. */
export async function renderQrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  if (!svg.startsWith("<svg")) throw new Error("Unexpected QR code output");
  return svg
    .replace(/\s(?:style|on[a-z]+)="[^"]*"/gi, "")
    .replace(/<script[\s\S]*?<\/script>/gi, "")
    .replace(/^<svg\s/, '<svg aria-hidden="true" focusable="false" ');
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", easier to type into an app. */
export function groupSecret(secret: string) {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

export async function getMfaOverview({ userId, accountName }: { userId: string; accountName: string }): Promise<MfaOverview> {
  const device = await prisma.totpDevice.findUnique({
    where: { userId },
    select: { secret: true, algorithm: true, digits: true, period: true, confirmedAt: true },
  });
  if (!device) return { status: "off" };
  if (device.confirmedAt) {
    const backupCodesLeft = await prisma.backupCode.count({ where: { userId, usedAt: null } });
    return { status: "on", confirmedAt: device.confirmedAt, backupCodesLeft };
  }
  const secret = decryptSecret(device.secret);
  const otpauthUri = getTOTPAuthUri({
    secret,
    algorithm: device.algorithm,
    digits: device.digits,
    period: device.period,
    accountName,
    issuer: TOTP_ISSUER,
  });
  return { status: "pending", secret, otpauthUri, qrSvg: await renderQrSvg(otpauthUri) };
}

/** Store a new secret on an unconfirmed device (replacing an earlier unfinished attempt). */
export async function startMfaEnrolment({ userId }: { userId: string }) {
  const { secret } = await generateTOTP(TOTP_SETTINGS);
  const data = { secret: encryptSecret(secret), ...TOTP_SETTINGS, confirmedAt: null, lastUsedStep: null };
  // Only an unconfirmed device may be replaced: a conditional update, then a create that the
  // unique userId refuses if a device appeared (or was confirmed) in between.
  const { count } = await prisma.totpDevice.updateMany({ where: { userId, confirmedAt: null }, data });
  if (count > 0) return;
  try {
    await prisma.totpDevice.create({ data: { userId, ...data }, select: { id: true } });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    // Another request created the device first: replace it if it is still unconfirmed.
    const retry = await prisma.totpDevice.updateMany({ where: { userId, confirmedAt: null }, data });
    if (retry.count === 0) throw new DomainError("mfa_already_enabled", "Two-factor authentication is already on");
  }
}

export async function cancelMfaEnrolment({ userId }: { userId: string }) {
  await prisma.totpDevice.deleteMany({ where: { userId, confirmedAt: null } });
}

async function replaceBackupCodes(tx: Tx, userId: string) {
  const codes = generateBackupCodes();
  await tx.backupCode.deleteMany({ where: { userId } });
  await tx.backupCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashBackupCode(code) })) });
  return codes;
}

async function requireDevice(userId: string, state: "pending" | "confirmed") {
  const device = await prisma.totpDevice.findUnique({ where: { userId }, select: { id: true, confirmedAt: true } });
  if (state === "pending" && !device) throw new DomainError("mfa_not_started", "Start the set-up first");
  if (state === "pending" && device?.confirmedAt)
    throw new DomainError("mfa_already_enabled", "Two-factor authentication is already on");
  if (state === "confirmed" && !device?.confirmedAt) throw new DomainError("mfa_not_enabled", "Two-factor authentication is off");
  return device!;
}

async function requireCode(userId: string, code: string) {
  if (!(await verifyTotpForUser({ userId, code }))) throw new DomainError("invalid_code", "The code is not valid");
}

type CodeInput = { userId: string; code: string; ipAddress?: string };

/** Confirm the pending device with a code from the app; returns the ten new backup codes (once). */
export async function confirmMfaEnrolment({ userId, code, ipAddress }: CodeInput): Promise<string[]> {
  const device = await requireDevice(userId, "pending");
  await requireCode(userId, code);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.totpDevice.updateMany({
      where: { id: device.id, confirmedAt: null },
      data: { confirmedAt: new Date() },
    });
    if (count !== 1) throw new DomainError("mfa_already_enabled", "Two-factor authentication is already on");
    const codes = await replaceBackupCodes(tx, userId);
    await recordAudit(
      { actorId: userId, action: "user.mfa_enabled", entityType: "user", entityId: userId, after: { method: "totp" }, ipAddress },
      tx,
    );
    return codes;
  });
}

/** New backup codes replace all earlier ones (used or not); returns them (once). */
export async function regenerateBackupCodes({ userId, code, ipAddress }: CodeInput): Promise<string[]> {
  await requireDevice(userId, "confirmed");
  await requireCode(userId, code);
  return prisma.$transaction(async (tx) => {
    const codes = await replaceBackupCodes(tx, userId);
    await recordAudit(
      { actorId: userId, action: "user.backup_codes_regenerated", entityType: "user", entityId: userId, ipAddress },
      tx,
    );
    return codes;
  });
}

export async function disableMfa({ userId, code, ipAddress }: CodeInput) {
  await requireDevice(userId, "confirmed");
  await requireCode(userId, code);
  await prisma.$transaction(async (tx) => {
    await tx.backupCode.deleteMany({ where: { userId } });
    await tx.totpDevice.deleteMany({ where: { userId } });
    await recordAudit({ actorId: userId, action: "user.mfa_disabled", entityType: "user", entityId: userId, ipAddress }, tx);
  });
}
