// Build real Requests for calling loaders and actions in integration tests: a signed-in session
// cookie, a valid CSRF token, or neither.
import type { AppLoadContext } from "@remix-run/node";
import { createSession } from "~/domains/identity/sessions.server";
import { csrf, CSRF_FIELD } from "~/infra/csrf.server";
import { sessionStorage } from "~/infra/cookies.server";

export const BASE = process.env.APP_URL ?? "http://localhost:3111";

export function context(overrides: Partial<AppLoadContext> = {}): AppLoadContext {
  return { cspNonce: "test-nonce", requestId: "test-request", clientIp: "203.0.113.7", ...overrides };
}

export async function sessionCookie(userId: string) {
  const sessionId = await createSession({ userId, ipAddress: "203.0.113.7", userAgent: "vitest" });
  const session = await sessionStorage.getSession();
  session.set("sessionId", sessionId);
  const setCookie = await sessionStorage.commitSession(session);
  return { cookie: setCookie.split(";")[0], sessionId };
}

export async function csrfPair() {
  const [token, setCookie] = await csrf.commitToken();
  return { token, cookie: setCookie!.split(";")[0] };
}

type FormRequestOptions = { userId?: string; csrf?: boolean; cookie?: string; headers?: Record<string, string> };

/** A POST form request; with a valid CSRF token unless `csrf: false`. */
export async function formRequest(path: string, fields: Record<string, string | string[]>, options: FormRequestOptions = {}) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  const cookies: string[] = [];
  if (options.cookie) cookies.push(options.cookie);
  if (options.userId) cookies.push((await sessionCookie(options.userId)).cookie);
  if (options.csrf !== false) {
    const pair = await csrfPair();
    body.set(CSRF_FIELD, pair.token);
    cookies.push(pair.cookie);
  }
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; "), ...options.headers },
  });
}

export async function getRequest(
  path: string,
  options: { userId?: string; cookie?: string; headers?: Record<string, string> } = {},
) {
  const cookies: string[] = [];
  if (options.cookie) cookies.push(options.cookie);
  if (options.userId) cookies.push((await sessionCookie(options.userId)).cookie);
  return new Request(`${BASE}${path}`, { headers: { Cookie: cookies.join("; "), ...options.headers } });
}

/** Run a loader/action and return the thrown or returned Response (or data) for assertions. */
export async function settle<T>(fn: () => Promise<T>): Promise<T | Response> {
  try {
    return await fn();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
