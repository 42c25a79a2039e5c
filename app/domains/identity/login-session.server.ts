// Starting and ending a signed-in session in the browser. Every start issues a new session id
// (login, second factor passed, password changed, MFA turned on): ids are rotated at each
// privilege change, and the old row is revoked.
import { redirect } from "@remix-run/node";
import { mergeCartAtLogin } from "~/domains/commerce/cart/login-merge.server";
import { sessionStorage } from "~/infra/cookies.server";
import { flashHeader, type Toast } from "~/infra/flash.server";
import { createSession, getSessionUser, revokeSession } from "./sessions.server";

type StartOptions = {
  userId: string;
  ipAddress: string;
  userAgent: string | null;
  redirectTo: string;
  toast?: Toast;
  headers?: HeadersInit;
};

/** Create a new stored session, put its id in a fresh cookie and redirect. */
export async function startSession(request: Request, { userId, ipAddress, userAgent, redirectTo, toast, headers }: StartOptions) {
  const cookieSession = await sessionStorage.getSession(request.headers.get("Cookie"));
  const previous = cookieSession.get("sessionId");
  const sessionId = await createSession({ userId, ipAddress, userAgent });
  if (previous && previous !== sessionId) await revokeSession({ userId, sessionId: previous });
  const fresh = await sessionStorage.getSession();
  fresh.set("sessionId", sessionId);
  const out = new Headers(headers);
  out.append("Set-Cookie", await sessionStorage.commitSession(fresh));
  // The anonymous cart joins the customer's; a lowered quantity is worth more than the welcome.
  const cart = await mergeCartAtLogin(request, userId);
  if (cart.setCookie) out.append("Set-Cookie", cart.setCookie);
  const notice = cart.toast ?? toast;
  if (notice) out.append("Set-Cookie", await flashHeader(request, notice));
  return redirect(redirectTo, { headers: out });
}

/** Revoke the stored session (when there is one) and clear the cookie. */
export async function endSession(request: Request, { redirectTo = "/", toast }: { redirectTo?: string; toast?: Toast } = {}) {
  const cookieSession = await sessionStorage.getSession(request.headers.get("Cookie"));
  const sessionId = cookieSession.get("sessionId");
  if (sessionId) {
    const user = await getSessionUser(sessionId);
    if (user) await revokeSession({ userId: user.id, sessionId });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionStorage.destroySession(cookieSession));
  if (toast) headers.append("Set-Cookie", await flashHeader(request, toast));
  return redirect(redirectTo, { headers });
}
