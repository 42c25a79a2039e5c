// "Password (or e-mail code) accepted, second factor still owed": kept in the signed cookie
// session as `mfaPending` for five minutes. No session row exists until the challenge is passed.
import { redirect } from "@remix-run/node";
import { sessionStorage, type SessionData } from "~/infra/cookies.server";
import { MFA_CHALLENGE_TTL_MS } from "./mfa-challenge.server";

export type MfaPending = SessionData["mfaPending"];

export async function getCookieSessionFor(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

/** Put the challenge in the cookie (dropping any signed-in session id) and send the person to /auth/mfa. */
export async function beginMfaChallenge(
  request: Request,
  { userId, redirectTo, headers }: { userId: string; redirectTo: string; headers?: HeadersInit },
) {
  const session = await sessionStorage.getSession();
  session.set("mfaPending", { userId, attempts: 0, expiresAt: Date.now() + MFA_CHALLENGE_TTL_MS, redirectTo });
  const out = new Headers(headers);
  out.append("Set-Cookie", await sessionStorage.commitSession(session));
  return redirect("/auth/mfa", { headers: out });
}

/** The pending challenge when there is one and it has not expired. */
export async function readMfaPending(request: Request): Promise<MfaPending | null> {
  const session = await getCookieSessionFor(request);
  const pending = session.get("mfaPending");
  if (!pending || typeof pending.userId !== "string" || pending.expiresAt <= Date.now()) return null;
  return pending;
}

/** Set-Cookie header that records one more wrong answer in the pending challenge. */
export async function countMfaFailure(request: Request): Promise<string> {
  const session = await getCookieSessionFor(request);
  const pending = session.get("mfaPending");
  if (pending) session.set("mfaPending", { ...pending, attempts: pending.attempts + 1 });
  return sessionStorage.commitSession(session);
}

/** Set-Cookie header that ends the challenge. */
export async function clearMfaPending(request: Request): Promise<string> {
  const session = await getCookieSessionFor(request);
  session.unset("mfaPending");
  return sessionStorage.commitSession(session);
}
