// Only same-site paths are followed after login or a preference change; anything else
// (absolute URLs, protocol-relative //host, backslash tricks, control characters) falls back.
/** The request's `?redirectTo=` when it is a same-site path, else "" (for a hidden form field). */
export function redirectToParam(request: Request): string {
  return safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "");
}

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/account"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  try {
    const parsed = new URL(to, "http://verso.invalid");
    if (parsed.origin !== "http://verso.invalid") return fallback;
    return parsed.pathname + parsed.search + parsed.hash;
  } catch {
    return fallback;
  }
}
