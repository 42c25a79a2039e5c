// remix-auth wiring: "password" (remix-auth-form) and "email-code" (remix-auth-totp). The
// strategies only prove who someone is; sessions start in login-session.server (or the second
// factor is asked for first). Routes pass the client IP and the redirect target with
// `authenticateWith`, because strategies only see (a copy of) the Request.
import { AsyncLocalStorage } from "node:async_hooks";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { TOTPStrategy } from "remix-auth-totp";
import { getEnv } from "~/infra/env.server";
import { EMAIL_CODE_PATHS } from "./auth-paths";
import {
  codeFromMagicLinkToken,
  emailCodeSecret,
  issueSignInCode,
  redeemSignInCode,
  SIGN_IN_CODE_PERIOD_SECONDS,
} from "./email-code.server";
import { attemptPasswordLogin, type PasswordLoginResult } from "./login.server";
import { startSession } from "./login-session.server";
import { beginMfaChallenge } from "./mfa-pending.server";

export { EMAIL_CODE_PATHS };

/** Error keys the e-mail code flow leaves in its cookie (translated under auth.code.errors). */
export const EMAIL_CODE_ERRORS = {
  invalidTotp: "invalidTotp",
  expiredTotp: "expiredTotp",
  rateLimitExceeded: "rateLimitExceeded",
  missingSessionEmail: "missingSessionEmail",
  missingSessionTotp: "missingSessionTotp",
  requiredEmail: "generic",
  invalidEmail: "generic",
} as const;

type AuthContext = { ipAddress: string; redirectTo: string; welcome?: (name: string) => string };
// remix-auth hands strategies a copy of the Request, so the context travels with the call instead.
const contexts = new AsyncLocalStorage<AuthContext>();

function contextOf(_request: Request): AuthContext {
  const context = contexts.getStore();
  if (!context) throw new Error("authenticateWith() must be used so the strategy knows the client");
  return context;
}

export const authenticator = new Authenticator<PasswordLoginResult>();

authenticator.use(
  new FormStrategy(async ({ form, request }) => {
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    return attemptPasswordLogin({ email, password, ipAddress: contextOf(request).ipAddress });
  }),
  "password",
);

authenticator.use(
  new TOTPStrategy<PasswordLoginResult>(
    {
      secret: emailCodeSecret(),
      cookieOptions: {
        ...(getEnv().NODE_ENV === "production" ? { secure: true as const } : {}),
        maxAge: SIGN_IN_CODE_PERIOD_SECONDS,
        sameSite: "Lax",
        httpOnly: true,
        path: "/",
      },
      totpGeneration: { digits: 6, charSet: "0123456789", period: SIGN_IN_CODE_PERIOD_SECONDS, maxAttempts: 5 },
      magicLinkPath: EMAIL_CODE_PATHS.verify,
      customErrors: EMAIL_CODE_ERRORS,
      emailSentRedirect: EMAIL_CODE_PATHS.verify,
      successRedirect: "/account",
      failureRedirect: EMAIL_CODE_PATHS.verify,
      sendTOTP: async ({ email, code, magicLink }) => issueSignInCode({ email, code, magicLink }),
    },
    async ({ email, formData, request }) => {
      const { ipAddress, redirectTo, welcome } = contextOf(request);
      const fromForm = formData?.get("code");
      const token = new URL(request.url).searchParams.get("t");
      const code = typeof fromForm === "string" && fromForm ? fromForm : token ? codeFromMagicLinkToken(token) : null;
      if (!code) throw new Error(EMAIL_CODE_ERRORS.invalidTotp);
      const result = await redeemSignInCode({ email, code, ipAddress });
      if (result.status === "used") throw new Error("codeUsed");
      if (result.status === "deactivated") throw new Error("deactivated");
      if (result.mfaRequired) throw await beginMfaChallenge(request, { userId: result.userId, redirectTo });
      throw await startSession(request, {
        userId: result.userId,
        ipAddress,
        userAgent: request.headers.get("User-Agent"),
        redirectTo,
        toast: welcome ? { kind: "success", message: welcome(result.name) } : undefined,
      });
    },
  ),
  "email-code",
);

/** Run a strategy for this request; thrown redirects (the e-mail code flow) pass through. */
export function authenticateWith(strategy: "password" | "email-code", request: Request, context: AuthContext) {
  return contexts.run(context, () => authenticator.authenticate(strategy, request));
}

/** A copy of `request` whose body is only `fields` (the e-mail code strategy reads the body itself). */
export function withFormBody(request: Request, fields: Record<string, string>) {
  const headers = new Headers(request.headers);
  headers.delete("Content-Length");
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(request.url, { method: "POST", headers, body: new URLSearchParams(fields) });
}
