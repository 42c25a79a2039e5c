// Secrets at rest (TOTP seeds and the like): AES-256-GCM with ENCRYPTION_KEY (32 bytes, hex).
// Stored form: `v1:<iv>:<tag>:<ciphertext>` (base64url parts), so the format can change later.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getEnv } from "./env.server";

const VERSION = "v1";
const IV_BYTES = 12;

function key(): Buffer {
  return Buffer.from(getEnv().ENCRYPTION_KEY, "hex");
}

/** Encrypt a secret for storage; every call uses a fresh random IV. */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(":");
}

/** Decrypt a value written by encryptSecret; throws when it was tampered with or uses another key. */
export function decryptSecret(stored: string): string {
  const [version, iv, tag, ciphertext, ...rest] = stored.split(":");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length > 0) {
    throw new Error("Malformed encrypted secret");
  }
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
