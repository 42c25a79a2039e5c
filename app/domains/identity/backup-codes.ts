// Backup codes for two-factor sign-in: ten one-time codes like "k7rm-3xqp", shown once and
// stored only as SHA-256 hashes of their normalised form (lower case, no spaces or dashes).
// Server-only (node:crypto); the browser never needs it.
import { createHash, randomInt } from "node:crypto";

export const BACKUP_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes are read off paper.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** "K7RM 3XQP", "k7rm-3xqp" and "k7rm3xqp" are the same code. */
export function normaliseBackupCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

/** True for something shaped like a backup code (8 characters from the alphabet, dash optional). */
export function looksLikeBackupCode(code: string): boolean {
  return /^[a-z0-9]{8}$/.test(normaliseBackupCode(code));
}

export function hashBackupCode(code: string): string {
  return createHash("sha256").update(normaliseBackupCode(code)).digest("hex");
}

function randomPart(length: number) {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** Ten fresh, distinct codes formatted "xxxx-xxxx". */
export function generateBackupCodes(count = BACKUP_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(`${randomPart(4)}-${randomPart(4)}`);
  return [...codes];
}
