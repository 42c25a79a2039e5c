// Enter the e-mailed sign-in code, or arrive through its magic link (?t=…). Each code works once;
// guesses are counted on the server per normalised address (five wrong ones spend the code) and
// limited per address and per IP. People with an authenticator continue to /auth/mfa.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { retryMinutes, throttle } from "~/domains/identity/auth-throttle.server";
import { EMAIL_CODE_PATHS } from "~/domains/identity/auth-paths";
import { authenticateWith, withFormBody } from "~/domains/identity/authenticator.server";
import { claimCodeGuess, readEmailCodeCookie, settleCodeGuess } from "~/domains/identity/email-code.server";
import { requireAnonymous } from "~/domains/identity/guards.server";
import { normaliseEmail } from "~/domains/identity/registration.server";
import { signInCodeSchema, type Translate } from "~/domains/identity/schemas";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { AuthHeading, Notice, useIdentityT } from "./components/auth-ui";
import { identityT } from "./components/translate.server";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { codeRedirectCookie } from "~/infra/cookies.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const handle = { i18n: ["identity"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

const KNOWN_ERRORS = new Set([
  "invalidTotp",
  "expiredTotp",
  "rateLimitExceeded",
  "missingSessionEmail",
  "missingSessionTotp",
  "codeUsed",
  "generic",
]);

function errorMessage(t: Translate, key: string | null) {
  if (!key) return null;
  if (key === "deactivated") return t("auth.login.deactivated");
  return t(`auth.code.errors.${KNOWN_ERRORS.has(key) ? key : "generic"}`);
}

type Refusal = { message: string; retryAfterSeconds: number | null };

/**
 * Count this guess before the strategy looks at it: per IP and per normalised address in the
 * rate limiters, then as a claimed guess in the database (the binding limit: five wrong guesses
 * spend the code, whatever spelling of the address the cookie carries).
 */
async function admitGuess(
  ipAddress: string,
  email: string | null,
  t: Translate,
): Promise<{ refused: Refusal } | { claimId: string | null }> {
  const limited = await throttle(
    email
      ? [
          ["codeVerifyIp", ipAddress],
          ["codeVerify", normaliseEmail(email)],
        ]
      : [["codeVerifyIp", ipAddress]],
  );
  if (limited)
    return {
      refused: {
        message: t("auth.tooManyRequests", { minutes: retryMinutes(limited) }),
        retryAfterSeconds: limited.retryAfterSeconds,
      },
    };
  if (!email) return { claimId: null };
  const claim = await claimCodeGuess({ email, ipAddress });
  if (!claim.allowed) return { refused: { message: t("auth.code.errors.rateLimitExceeded"), retryAfterSeconds: null } };
  return { claimId: claim.claimId };
}

/** Run the strategy; a failure (redirect back to this page) stays counted as a wrong guess. */
async function runStrategy(request: Request, ipAddress: string, email: string | null, claimId: string | null, t: Translate) {
  try {
    await authenticateWith("email-code", request, {
      ipAddress,
      redirectTo: safeRedirect(await codeRedirectCookie.parse(request.headers.get("Cookie")), "/account"),
      welcome: (name) => t("auth.login.welcome", { name }),
    });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    const location = thrown.headers.get("Location");
    const failed = !location || new URL(location, request.url).pathname === EMAIL_CODE_PATHS.verify;
    if (email && claimId) await settleCodeGuess({ email, claimId, succeeded: !failed });
    return thrown;
  }
  throw new Error("The e-mail code strategy always answers with a redirect");
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = await identityT(request);
  const cookie = readEmailCodeCookie(request.headers.get("Cookie"));
  if (new URL(request.url).searchParams.has("t")) {
    const admitted = await admitGuess(context.clientIp, cookie.email, t);
    if ("refused" in admitted) return { title: t("auth.code.verifyTitle"), email: cookie.email, error: admitted.refused.message };
    throw await runStrategy(request, context.clientIp, cookie.email, admitted.claimId, t);
  }
  if (!cookie.email && !cookie.error) throw redirect(EMAIL_CODE_PATHS.request);
  return { title: t("auth.code.verifyTitle"), email: cookie.email, error: errorMessage(t, cookie.error) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await parseFormWithCsrf(request);
  const t = await identityT(request);
  const submission = parseWithZod(formData, { schema: signInCodeSchema(t) });
  if (submission.status !== "success") return submission.reply({ hideFields: ["code"] });
  const { email } = readEmailCodeCookie(request.headers.get("Cookie"));
  const admitted = await admitGuess(context.clientIp, email, t);
  if ("refused" in admitted) {
    const { message, retryAfterSeconds } = admitted.refused;
    return data(submission.reply({ formErrors: [message], hideFields: ["code"] }), {
      status: 429,
      headers: retryAfterSeconds === null ? undefined : { "Retry-After": String(retryAfterSeconds) },
    });
  }
  const forStrategy = withFormBody(request, { code: submission.value.code });
  return runStrategy(forStrategy, context.clientIp, email, admitted.claimId, t);
}

export default function VerifyCodePage() {
  const t = useIdentityT();
  const { email, error } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const schema = signInCodeSchema(t);
  const [form, fields] = useValidatedForm({ id: "verify-code", schema, lastResult });
  return (
    <div className="space-y-6">
      <AuthHeading title={t("auth.code.verifyTitle")} />
      {email ? <Notice>{t("auth.code.sent", { email })}</Notice> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      {email ? (
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <AuthenticityTokenInput />
          <FormError errors={form.errors} id={form.errorId} />
          <InputField
            meta={fields.code}
            label={t("auth.code.codeLabel")}
            description={t("auth.code.codeDescription")}
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
          />
          <SubmitButton className="w-full" pendingLabel={t("auth.code.verifySubmitting")}>
            {t("auth.code.verifySubmit")}
          </SubmitButton>
        </Form>
      ) : null}
      <ul className="space-y-2 text-center text-sm">
        <li>
          <Link to={EMAIL_CODE_PATHS.request} className="text-brand-700 underline">
            {t("auth.code.requestAgain")}
          </Link>
        </li>
        <li>
          <Link to="/auth/login" className="text-brand-700 underline">
            {t("auth.code.usePassword")}
          </Link>
        </li>
      </ul>
    </div>
  );
}
