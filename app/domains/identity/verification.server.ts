// Single-use, expiring tokens sent by e-mail (verify an address, reset a password, confirm an
// e-mail change). Only a SHA-256 hash is stored; consuming is a conditional update, so a token
// works exactly once even when two requests race.
import { createHash, randomBytes } from "node:crypto";
import type { VerificationType } from "~/generated/prisma/enums";
import { prisma } from "~/infra/db.server";

export type VerificationRow = {
  id: string;
  type: VerificationType;
  target: string;
  userId: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
};

const select = { id: true, type: true, target: true, userId: true, expiresAt: true, usedAt: true, createdAt: true } as const;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Issue a token and return it (raw, for the link). Earlier unused tokens of the same type for the
 * same user (or target, without a user) stop working: only the newest link counts.
 */
export async function createVerification({
  type,
  target,
  userId = null,
  ttlMs,
}: {
  type: VerificationType;
  target: string;
  userId?: string | null;
  ttlMs: number;
}): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await prisma.$transaction([
    prisma.verification.updateMany({
      where: { type, usedAt: null, expiresAt: { gt: now }, ...(userId ? { userId } : { target }) },
      data: { expiresAt: now },
    }),
    prisma.verification.create({
      data: { type, target, userId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ttlMs) },
      select: { id: true },
    }),
  ]);
  return token;
}

/** The token's row when it is still usable (not used, not expired), without using it. */
export async function getUsableVerification({
  type,
  token,
}: {
  type: VerificationType;
  token: string;
}): Promise<VerificationRow | null> {
  if (!token) return null;
  const row = await prisma.verification.findUnique({ where: { tokenHash: hashToken(token) }, select });
  if (!row || row.type !== type || row.usedAt || row.expiresAt <= new Date()) return null;
  return row;
}

/** Use the token: returns its row the first time, null when unknown, expired or already used. */
export async function consumeVerification({
  type,
  token,
}: {
  type: VerificationType;
  token: string;
}): Promise<VerificationRow | null> {
  if (!token) return null;
  const tokenHash = hashToken(token);
  const now = new Date();
  const { count } = await prisma.verification.updateMany({
    where: { tokenHash, type, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return null;
  return prisma.verification.findUnique({ where: { tokenHash }, select });
}
