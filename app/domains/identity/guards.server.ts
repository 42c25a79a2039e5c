// The guards every loader and action calls itself: who is signed in, and may they do this?
// Signed out → redirect to login (with a safe redirectTo); signed in without the permission → 403.
import { redirect } from "@remix-run/node";
import { sessionStorage } from "~/infra/cookies.server";
import { hasPermission, type PermissionString } from "./permissions";
import { getSessionUser, type AuthUser } from "./sessions.server";

const cache = new WeakMap<Request, Promise<AuthUser | null>>();

export async function getCookieSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

export function getOptionalUser(request: Request): Promise<AuthUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = getCookieSession(request).then((session) => {
      const sessionId = session.get("sessionId");
      return sessionId ? getSessionUser(sessionId) : null;
    });
    cache.set(request, pending);
  }
  return pending;
}

export function loginRedirectUrl(request: Request) {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return `/auth/login?${new URLSearchParams({ redirectTo: back })}`;
}

export async function requireUser(request: Request): Promise<AuthUser> {
  const user = await getOptionalUser(request);
  if (!user) throw redirect(loginRedirectUrl(request));
  return user;
}

export function forbidden(permission?: string) {
  return new Response(JSON.stringify({ permission: permission ?? null }), {
    status: 403,
    statusText: "Forbidden",
    headers: { "Content-Type": "application/json" },
  });
}

export async function requirePermission(request: Request, permission: PermissionString): Promise<AuthUser> {
  const user = await requireUser(request);
  if (!hasPermission(user.permissions, permission)) throw forbidden(permission);
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getOptionalUser(request)) throw redirect("/account");
}

export function userCan(user: Pick<AuthUser, "permissions"> | null, permission: PermissionString) {
  return Boolean(user && hasPermission(user.permissions, permission));
}
