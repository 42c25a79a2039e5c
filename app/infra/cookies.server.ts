// Every cookie the app sets: HttpOnly, SameSite=Lax, Secure in production, signed where it matters.
import { createCookie, createCookieSessionStorage } from "@remix-run/node";
import { getEnv } from "./env.server";

const env = getEnv();
const secure = env.NODE_ENV === "production";
const secrets = [env.SESSION_SECRET];

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

export type SessionData = {
  sessionId: string;
  /** Password accepted, second factor still owed. */
  mfaPending: { userId: string; attempts: number; expiresAt: number; redirectTo: string };
};

export const sessionStorage = createCookieSessionStorage<SessionData>({
  cookie: { name: "__session", httpOnly: true, sameSite: "lax", secure, path: "/", secrets, maxAge: SESSION_MAX_AGE_SECONDS },
});

export type FlashData = { toast: { kind: "success" | "error" | "info"; message: string } };

export const flashStorage = createCookieSessionStorage<Record<string, never>, FlashData>({
  cookie: { name: "__flash", httpOnly: true, sameSite: "lax", secure, path: "/", secrets },
});

export const csrfCookie = createCookie("__csrf", { httpOnly: true, sameSite: "lax", secure, path: "/", secrets });

/** Where to go after an e-mail-code sign-in (set when the code is requested; same-site paths only). */
export const codeRedirectCookie = createCookie("__code_redirect", {
  httpOnly: true,
  sameSite: "lax",
  secure,
  path: "/auth/login/code",
  secrets,
  maxAge: 60 * 15,
});

export const localeCookie = createCookie("lng", {
  httpOnly: true,
  sameSite: "lax",
  secure,
  path: "/",
  maxAge: 60 * 60 * 24 * 365,
});

/** The browser's time zone, written by entry.client as a plain `tz=<IANA zone>` cookie. */
export function readTimeZoneCookie(cookieHeader: string | null): string | null {
  const match = /(?:^|;\s*)tz=([^;]+)/.exec(cookieHeader ?? "");
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
