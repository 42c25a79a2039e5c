// Helpers for the /auth integration tests: call a route's loader or action and look at the answer
// the same way whether it returned data, data() with a status, or a (thrown) Response.
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { context as baseContext, settle } from "../setup/requests";

export type Outcome = { status: number; headers: Headers; body: unknown; location: string | null; cookies: string[] };

type Handler = (args: ActionFunctionArgs | LoaderFunctionArgs) => Promise<unknown>;

export async function call(handler: Handler, request: Request, context: Partial<AppLoadContext> = {}): Promise<Outcome> {
  const result = await settle(() => handler({ request, context: baseContext(context), params: {} }));
  if (result instanceof Response) {
    return {
      status: result.status,
      headers: result.headers,
      body: null,
      location: result.headers.get("Location"),
      cookies: result.headers.getSetCookie(),
    };
  }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = result as { data: unknown; init: ResponseInit | null };
    const headers = new Headers(init?.headers);
    return { status: init?.status ?? 200, headers, body: data, location: null, cookies: headers.getSetCookie() };
  }
  return { status: 200, headers: new Headers(), body: result, location: null, cookies: [] };
}

/** Turn Set-Cookie headers into a Cookie header (name=value pairs). */
export function cookieHeader(setCookies: string[], existing = ""): string {
  const jar = new Map<string, string>();
  for (const part of existing.split(/;\s*/).filter(Boolean)) {
    const [name, ...rest] = part.split("=");
    jar.set(name, rest.join("="));
  }
  for (const setCookie of setCookies) {
    const [pair] = setCookie.split(";");
    const [name, ...rest] = pair.split("=");
    jar.set(name, rest.join("="));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** All form-level and field messages of a conform reply, flattened for assertions. */
export function messages(body: unknown): string {
  const reply = (body as { result?: unknown })?.result ?? body;
  const error = (reply as { error?: Record<string, string[] | null> })?.error ?? {};
  return Object.values(error).flat().filter(Boolean).join(" | ");
}

/**
 * Run `work` while the account, verification and e-mail tables are locked, so none of a request's
 * per-account work could happen during it: an answer that arrives proves the request did not wait.
 */
export async function whileAccountTablesLocked<T>(work: () => Promise<T>): Promise<T> {
  const { prisma } = await import("~/infra/db.server");
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`LOCK TABLE "User", "Verification", "EmailMessage" IN EXCLUSIVE MODE`);
      return work();
    },
    { timeout: 10_000 },
  );
}
