// Signed links for people without an account: a guest reaches their order page with `?key=` and a
// digital file with `/downloads/<grantId>?key=`. The key is an HMAC-SHA256 of the id with a key
// derived from SESSION_SECRET (one derived key per purpose, so an order key never opens a download);
// it does not expire (the order page must keep working from an old e-mail; downloads are limited by
// the grant's own count and expiry). Compared in constant time.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getEnv } from "~/infra/env.server";

type Purpose = "order" | "download";

function signingKey(purpose: Purpose): Buffer {
  return Buffer.from(hkdfSync("sha256", getEnv().SESSION_SECRET, "verso", `verso/commerce-${purpose}/v1`, 32));
}

function sign(purpose: Purpose, id: string): string {
  return createHmac("sha256", signingKey(purpose)).update(id, "utf8").digest("base64url");
}

function verify(purpose: Purpose, id: string, key: string | null | undefined): boolean {
  if (!key || key.length > 200 || !id) return false;
  const given = Buffer.from(key, "utf8");
  const expected = Buffer.from(sign(purpose, id), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function orderAccessKey(orderId: string): string {
  return sign("order", orderId);
}

export function verifyOrderAccessKey(orderId: string, key: string | null | undefined): boolean {
  return verify("order", orderId, key);
}

/** The order page, relative, with the key (for redirects inside the app). */
export function orderPath(order: { id: string; number: string }, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ key: orderAccessKey(order.id), ...extra });
  return `/order/${encodeURIComponent(order.number)}?${params.toString()}`;
}

/** The order page, absolute, with the key: what e-mails and Stripe's success_url carry. */
export function orderUrl(order: { id: string; number: string }, extra: Record<string, string> = {}): string {
  return new URL(orderPath(order, extra), getEnv().APP_URL).toString();
}

export function downloadKey(grantId: string): string {
  return sign("download", grantId);
}

export function verifyDownloadKey(grantId: string, key: string | null | undefined): boolean {
  return verify("download", grantId, key);
}

export function downloadPath(grantId: string): string {
  return `/downloads/${encodeURIComponent(grantId)}?key=${encodeURIComponent(downloadKey(grantId))}`;
}

export function downloadUrl(grantId: string): string {
  return new URL(downloadPath(grantId), getEnv().APP_URL).toString();
}
