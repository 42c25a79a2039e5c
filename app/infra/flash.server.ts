// One-shot messages carried across a redirect in a cookie: shown without JavaScript, as toasts with it.
import { redirect } from "@remix-run/node";
import { flashStorage, type FlashData } from "./cookies.server";

export type Toast = FlashData["toast"];

export async function flashHeader(request: Request, toast: Toast): Promise<string> {
  const session = await flashStorage.getSession(request.headers.get("Cookie"));
  session.flash("toast", toast);
  return flashStorage.commitSession(session);
}

export async function redirectWithToast(request: Request, url: string, toast: Toast, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashHeader(request, toast));
  return redirect(url, { ...init, headers });
}

export async function readToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const cookie = request.headers.get("Cookie");
  if (!cookie?.includes("__flash")) return { toast: null, setCookie: null };
  const session = await flashStorage.getSession(cookie);
  const toast = (session.get("toast") as Toast | undefined) ?? null;
  return { toast, setCookie: toast ? await flashStorage.commitSession(session) : null };
}
