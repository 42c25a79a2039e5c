// Unsubscribe tokens: the address itself, signed with a key derived from SESSION_SECRET (HMAC-SHA256).
// They do not expire: an unsubscribe link in an old newsletter must keep working (RFC 8058).
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getEnv } from "~/infra/env.server";

function signingKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", getEnv().SESSION_SECRET, "verso", "verso/email-unsubscribe/v1", 32));
}

function signature(payload: string): Buffer {
  return createHmac("sha256", signingKey()).update(payload).digest();
}

export function createUnsubscribeToken(email: string): string {
  const payload = Buffer.from(email.trim().toLowerCase(), "utf8").toString("base64url");
  return `${payload}.${signature(payload).toString("base64url")}`;
}

/** The address a token names, or null when it is malformed or its signature does not match. */
export function readUnsubscribeToken(token: string | null | undefined): string | null {
  if (!token || token.length > 1000) return null;
  const [payload, mac, ...rest] = token.split(".");
  if (!payload || !mac || rest.length > 0) return null;
  // Compared as text, so a signature with other (ignored) padding bits does not pass either.
  const given = Buffer.from(mac, "utf8");
  const expected = Buffer.from(signature(payload).toString("base64url"), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const email = Buffer.from(payload, "base64url").toString("utf8");
  return email.includes("@") ? email : null;
}

export function unsubscribePageUrl(email: string): string {
  const url = new URL("/email/unsubscribe", getEnv().APP_URL);
  url.searchParams.set("token", createUnsubscribeToken(email));
  return url.toString();
}

export function oneClickUnsubscribeUrl(email: string): string {
  const url = new URL("/email/unsubscribe/one-click", getEnv().APP_URL);
  url.searchParams.set("token", createUnsubscribeToken(email));
  return url.toString();
}
