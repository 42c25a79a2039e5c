// Hands freshly issued backup codes from the action that created them to the next page view, and
// only that one. The confirm step must rotate the session (a redirect with a new cookie), so the
// codes cannot ride in the action's own response: they travel encrypted (AES-256-GCM), bound to the
// user, in a short-lived HttpOnly cookie that the page clears as soon as it has read it.
import { createCookie } from "@remix-run/node";
import { decryptSecret, encryptSecret } from "~/infra/crypto.server";
import { getEnv } from "~/infra/env.server";

const MAX_AGE_SECONDS = 5 * 60;

const env = getEnv();
const cookie = createCookie("__backup_codes", {
  httpOnly: true,
  sameSite: "lax",
  secure: env.NODE_ENV === "production",
  // Covers /account/security/mfa and the `/account/security/mfa.data` requests of the client router.
  path: "/account/security",
  secrets: [env.SESSION_SECRET],
  maxAge: MAX_AGE_SECONDS,
});

type Payload = { userId: string; codes: string[]; expiresAt: number };

export function backupCodesCookie(userId: string, codes: string[]): Promise<string> {
  const payload: Payload = { userId, codes, expiresAt: Date.now() + MAX_AGE_SECONDS * 1000 };
  return cookie.serialize(encryptSecret(JSON.stringify(payload)));
}

/** The codes waiting for `userId` (null when none) and the header that clears them. */
export async function takeBackupCodes(
  request: Request,
  userId: string,
): Promise<{ codes: string[] | null; clear: string | null }> {
  const header = request.headers.get("Cookie");
  if (!header?.includes("__backup_codes=")) return { codes: null, clear: null };
  const clear = await cookie.serialize("", { maxAge: 0 });
  const stored: unknown = await cookie.parse(header);
  if (typeof stored !== "string" || stored === "") return { codes: null, clear };
  try {
    const payload = JSON.parse(decryptSecret(stored)) as Payload;
    const valid = payload.userId === userId && payload.expiresAt > Date.now() && Array.isArray(payload.codes);
    return { codes: valid ? payload.codes.map(String) : null, clear };
  } catch {
    return { codes: null, clear };
  }
}
