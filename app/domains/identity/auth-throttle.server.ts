// Rate limits of the sign-in and recovery flows (Redis-backed when REDIS_URL is set). Each limit
// says "how many tries per key per window"; a refusal carries the seconds until the next try.
import { getEnv } from "~/infra/env.server";
import { consume, type LimiterOptions, type LimitResult } from "~/infra/rate-limit.server";

const MINUTE = 60;

export const AUTH_LIMITS = {
  /** Password sign-in attempts from one IP address (LOGIN_RATE_LIMIT_PER_15_MIN). */
  loginIp: (): LimiterOptions => ({
    keyPrefix: "auth:login-ip",
    points: getEnv().LOGIN_RATE_LIMIT_PER_15_MIN,
    durationSeconds: 15 * MINUTE,
  }),
  /** Reset links asked for one address, and from one IP address. */
  resetEmail: (): LimiterOptions => ({ keyPrefix: "auth:reset-email", points: 5, durationSeconds: 60 * MINUTE }),
  resetIp: (): LimiterOptions => ({ keyPrefix: "auth:reset-ip", points: 20, durationSeconds: 15 * MINUTE }),
  /** Sign-in codes asked for one address, and from one IP address. */
  codeEmail: (): LimiterOptions => ({ keyPrefix: "auth:code-email", points: 5, durationSeconds: 15 * MINUTE }),
  codeIp: (): LimiterOptions => ({ keyPrefix: "auth:code-ip", points: 20, durationSeconds: 15 * MINUTE }),
  /**
   * Guesses at a sign-in code for one normalised address, and from one IP address (six digits
   * must not be guessable). The binding limit is server-side: five wrong guesses spend the code
   * (claimCodeGuess in email-code.server); these only slow down whoever keeps trying.
   */
  codeVerify: (): LimiterOptions => ({ keyPrefix: "auth:code-verify", points: 5, durationSeconds: 10 * MINUTE }),
  codeVerifyIp: (): LimiterOptions => ({ keyPrefix: "auth:code-verify-ip", points: 20, durationSeconds: 10 * MINUTE }),
  /** Answers to the second-factor challenge from one IP address (on top of five per account). */
  mfaIp: (): LimiterOptions => ({ keyPrefix: "auth:mfa-ip", points: 30, durationSeconds: 15 * MINUTE }),
  /** Verification e-mails sent again for one account. */
  resendVerification: (): LimiterOptions => ({ keyPrefix: "auth:resend-verification", points: 3, durationSeconds: 15 * MINUTE }),
};

export type AuthLimit = keyof typeof AUTH_LIMITS;

/** Count one try against every given limit; the first refusal wins. */
export async function throttle(checks: Array<[AuthLimit, string]>): Promise<Extract<LimitResult, { allowed: false }> | null> {
  for (const [limit, key] of checks) {
    const result = await consume(AUTH_LIMITS[limit](), key.toLowerCase());
    if (!result.allowed) return result;
  }
  return null;
}

export function retryMinutes(result: { retryAfterSeconds: number }) {
  return Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
}
