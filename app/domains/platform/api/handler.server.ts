// The frame of every REST API endpoint: bearer-key authentication, per-key rate limits (per
// client address for requests without a valid key), scope checks, problem+json errors, the
// RateLimit-* headers on every answer, method dispatch and parameter validation. Writes add a
// JSON body and Idempotency-Key (`write.server.ts`).
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { bearerToken, mayUseScope, type ApiScope } from "~/domains/identity/api-key-format";
import { authenticateApiKey, type ApiPrincipal } from "~/domains/identity/api-keys.server";
import { getEnv } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import { consume, type LimitResult } from "~/infra/rate-limit.server";
import { problemResponse, type ProblemError } from "./problem";

const REALM = 'Bearer realm="verso-api"';

type Args = Pick<LoaderFunctionArgs, "request" | "params" | "context">;
type Limit = LimitResult | null;

function limiter(kind: "key" | "ip") {
  const points = getEnv().API_RATE_LIMIT_PER_MINUTE;
  return { keyPrefix: `api-${kind}-${points}`, points, durationSeconds: 60 };
}

async function take(kind: "key" | "ip", id: string): Promise<Limit> {
  try {
    return await consume(limiter(kind), id);
  } catch (error) {
    logger.warn({ err: error }, "API rate limiter unavailable; request allowed");
    return null;
  }
}

function clientIp(context: AppLoadContext | undefined) {
  return context?.clientIp ?? "unknown";
}

/** Copy a response with the rate-limit headers of `limit` added. */
export function withLimitHeaders(response: Response, limit: Limit): Response {
  if (!limit) return response;
  const headers = new Headers(response.headers);
  headers.set("RateLimit-Limit", String(limit.limit));
  headers.set("RateLimit-Remaining", String(limit.remaining));
  headers.set("RateLimit-Reset", String(limit.resetSeconds));
  headers.set("RateLimit-Policy", `${limit.limit};w=60`);
  if (!limit.allowed) headers.set("Retry-After", String(limit.retryAfterSeconds));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function rateLimited(request: Request, limit: Extract<LimitResult, { allowed: false }>) {
  const detail = `Rate limit of ${limit.limit} requests per minute exceeded. Retry in ${limit.retryAfterSeconds} seconds.`;
  return withLimitHeaders(problemResponse(request, "rate-limited", { detail }), limit);
}

async function settle(request: Request, limit: Limit, run: () => Promise<Response>): Promise<Response> {
  try {
    return withLimitHeaders(await run(), limit);
  } catch (thrown) {
    if (thrown instanceof Response) return withLimitHeaders(thrown, limit);
    logger.error({ err: thrown, path: new URL(request.url).pathname }, "API request failed");
    return withLimitHeaders(
      problemResponse(request, "internal", { detail: "The server could not complete the request." }),
      limit,
    );
  }
}

export type ApiHandlerArgs = { request: Request; params: Args["params"]; principal: ApiPrincipal; clientIp: string | null };

/**
 * The key behind the request, holding `scope`, and its rate-limit verdict. Throws the answer to
 * send instead (with its rate-limit headers): 401 without a valid, unrevoked key (with a
 * `WWW-Authenticate: Bearer` challenge), 429 over the limit, 403 naming a missing scope.
 */
export async function requireApiKey(
  request: Request,
  scope: ApiScope,
  context?: AppLoadContext,
): Promise<{ principal: ApiPrincipal; limit: Limit }> {
  const token = bearerToken(request.headers.get("Authorization"));
  const principal = token ? await authenticateApiKey(token) : null;
  if (!principal) {
    const limit = await take("ip", clientIp(context));
    if (limit && !limit.allowed) throw rateLimited(request, limit);
    const detail = token
      ? "The API key is malformed, unknown or revoked."
      : "This endpoint needs an API key: send the header `Authorization: Bearer <key>`.";
    const challenge = token
      ? `${REALM}, error="invalid_token", error_description="The API key is malformed, unknown or revoked"`
      : REALM;
    throw withLimitHeaders(
      problemResponse(request, "unauthorized", { detail, headers: { "WWW-Authenticate": challenge } }),
      limit,
    );
  }
  const limit = await take("key", principal.keyId);
  if (limit && !limit.allowed) throw rateLimited(request, limit);
  if (!principal.scopes.includes(scope) || !mayUseScope(principal.permissions, scope)) {
    const detail = principal.scopes.includes(scope)
      ? `This endpoint requires the scope ${scope}, and the key's owner no longer has the permission it needs.`
      : `This endpoint requires the scope ${scope}, which this API key does not have.`;
    const headers = { "WWW-Authenticate": `${REALM}, error="insufficient_scope", scope="${scope}"` };
    throw withLimitHeaders(problemResponse(request, "insufficient-scope", { detail, headers, extensions: { scope } }), limit);
  }
  return { principal, limit };
}

/** Run `handler` for a request that carries a valid, unrevoked key holding `scope`. */
export async function handleApi(
  args: Args,
  scope: ApiScope,
  handler: (args: ApiHandlerArgs) => Promise<Response>,
): Promise<Response> {
  const { request, params, context } = args;
  let authorized: Awaited<ReturnType<typeof requireApiKey>>;
  try {
    authorized = await requireApiKey(request, scope, context);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    logger.error({ err: thrown, path: new URL(request.url).pathname }, "API authentication failed");
    return problemResponse(request, "internal", { detail: "The server could not complete the request." });
  }
  const { principal, limit } = authorized;
  return settle(request, limit, () => handler({ request, params, principal, clientIp: context?.clientIp ?? null }));
}

/** Run `handler` for an endpoint that needs no key (rate-limited per client address). */
export async function handlePublicApi(args: Args, handler: (request: Request) => Promise<Response>): Promise<Response> {
  const limit = await take("ip", clientIp(args.context));
  if (limit && !limit.allowed) return rateLimited(args.request, limit);
  return settle(args.request, limit, () => handler(args.request));
}

type MethodHandler = (args: Args) => Promise<Response>;

/**
 * The `action` of an endpoint: runs the handler for the request's method; OPTIONS lists the
 * methods (`Allow`), any other method is a 405. `readMethods` are those the loader answers.
 */
export function apiAction(
  args: Args,
  handlers: Partial<Record<"POST" | "PUT" | "PATCH" | "DELETE", MethodHandler>>,
  readMethods: string[] = ["GET", "HEAD"],
) {
  const handler = handlers[args.request.method as keyof typeof handlers];
  if (handler) return handler(args);
  const allowed = [...readMethods, ...Object.keys(handlers)];
  return handlePublicApi(args, async (request) => {
    const allow = [...allowed, "OPTIONS"].join(", ");
    if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: { Allow: allow } });
    const detail = `${request.method} is not supported here; use ${allowed.join(" or ")}.`;
    return problemResponse(request, "method-not-allowed", { detail, headers: { Allow: allow } });
  });
}

/** The `action` of a read-only endpoint: OPTIONS lists the methods, anything else is a 405. */
export function methodNotAllowed(args: Args, allowed: string[] = ["GET", "HEAD"]) {
  return apiAction(args, {}, allowed);
}

/** The answer for any /api/v1 path no endpoint claims. */
export function notFound(args: Args) {
  return handlePublicApi(args, async (request) =>
    problemResponse(request, "not-found", { detail: `No API endpoint at ${request.method} ${new URL(request.url).pathname}.` }),
  );
}

/** Validate query or path parameters; invalid values are thrown as a 422 problem naming each one. */
export function parseParams<S extends z.ZodTypeAny>(request: Request, schema: S, input: Record<string, unknown>): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.flatMap((issue): ProblemError[] =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((parameter) => ({ parameter, message: "Unknown parameter." }))
      : [{ parameter: issue.path.join(".") || "(request)", message: issue.message }],
  );
  const detail = `Invalid ${[...new Set(errors.map((error) => error.parameter))].join(", ")}.`;
  throw problemResponse(request, "validation-failed", { detail, extensions: { errors } });
}

/** The query string as a plain object (the last value wins for repeated names). */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
