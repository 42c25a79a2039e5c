// Small helpers shared by the account routes' actions (server only; not a route).
import type { SubmissionResult } from "@conform-to/react";
import { i18n } from "~/infra/i18n.server";
import { consume, tooManyRequests } from "~/infra/rate-limit.server";

export type Translate = Awaited<ReturnType<typeof i18n.getFixedT>>;

/** The identity namespace in the request's language. */
export function identityT(request: Request): Promise<Translate> {
  return i18n.getFixedT(request, "identity");
}

/**
 * Zod schemas carry translation keys as messages; turn them into sentences in the viewer's
 * language before they reach the page (the same for JavaScript on and off).
 */
export function translateResult<T extends SubmissionResult<string[]>>(result: T, t: Translate): T {
  if (!result.error) return result;
  const error: Record<string, string[] | null> = {};
  for (const [field, messages] of Object.entries(result.error)) {
    error[field] = messages ? messages.map((message) => t(message)) : null;
  }
  return { ...result, error };
}

/** The user agent for stored sessions (never trusted for anything but display). */
export function userAgentOf(request: Request) {
  return request.headers.get("User-Agent");
}

const REAUTH_LIMIT = { keyPrefix: "account-reauth", points: 20, durationSeconds: 15 * 60 };

/**
 * Actions that check the current password or an authenticator code spend one point per user;
 * a stolen session cannot guess either without limit.
 */
export async function limitReauthentication(userId: string) {
  const result = await consume(REAUTH_LIMIT, userId);
  if (!result.allowed) throw tooManyRequests(result);
}
