// CSRF: a signed token in a cookie, repeated in every state-changing form (field "csrf").
// Actions call requireCsrf/parseFormWithCsrf; a missing or wrong token is a 403 that changes nothing.
import { CSRF, CSRFError } from "remix-utils/csrf/server";
import { csrfCookie } from "./cookies.server";
import { getEnv } from "./env.server";

export const CSRF_FIELD = "csrf";
export const csrf = new CSRF({ cookie: csrfCookie, formDataKey: CSRF_FIELD, secret: getEnv().SESSION_SECRET });

export function csrfForbidden() {
  return new Response("Your form expired or did not come from this site. Reload the page and try again.", {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** Validate the token in an already-read form; throws a 403 response when it is wrong. */
export async function requireCsrfForm(formData: FormData, request: Request): Promise<void> {
  try {
    await csrf.validate(formData, request.headers);
  } catch (error) {
    if (error instanceof CSRFError) throw csrfForbidden();
    throw error;
  }
}

/** Read the request's form and check its CSRF token; the one way actions read a form. */
export async function parseFormWithCsrf(request: Request): Promise<FormData> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw csrfForbidden();
  }
  await requireCsrfForm(formData, request);
  return formData;
}

/**
 * Storefront forms (add to cart) on pages served from the shared cache to anonymous visitors: such
 * a page carries no per-visitor token, so a form without one is accepted only when the browser
 * proves it was sent from this site (Origin, else Sec-Fetch-Site: same-origin). Forms that do carry
 * a token are checked as usual. Everything else is a 403 that changes nothing.
 */
export async function parseStorefrontForm(request: Request): Promise<FormData> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw csrfForbidden();
  }
  if (formData.has(CSRF_FIELD)) {
    await requireCsrfForm(formData, request);
    return formData;
  }
  if (!isSameOriginRequest(request)) throw csrfForbidden();
  return formData;
}

export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin) {
    const own = new URL(request.url).origin;
    return origin === own || origin === new URL(getEnv().APP_URL).origin;
  }
  return request.headers.get("sec-fetch-site") === "same-origin";
}
