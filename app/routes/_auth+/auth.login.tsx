// Password sign-in (remix-auth FormStrategy). Lockout, IP throttling and the second factor are
// decided in the domain; this page turns the outcome into a message, a redirect or /auth/mfa.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { retryMinutes, throttle } from "~/domains/identity/auth-throttle.server";
import { authenticateWith } from "~/domains/identity/authenticator.server";
import { requireAnonymous } from "~/domains/identity/guards.server";
import { recordLoginAttempt } from "~/domains/identity/login.server";
import { startSession } from "~/domains/identity/login-session.server";
import { beginMfaChallenge } from "~/domains/identity/mfa-pending.server";
import { loginSchema } from "~/domains/identity/schemas";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { formatDateTime } from "~/utils/dates";
import { redirectToParam, safeRedirect } from "~/utils/safe-redirect";
import { AuthHeading, useIdentityT } from "./components/auth-ui";
import { identityT, viewerPreferences } from "./components/translate.server";
import { useValidatedForm } from "~/components/ui/use-validated-form";

export const handle = { i18n: ["identity"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = await identityT(request);
  return { title: t("auth.login.title"), redirectTo: redirectToParam(request) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  // The strategy reads the body itself, so the CSRF check reads a copy.
  const formData = await parseFormWithCsrf(request.clone());
  const t = await identityT(request);
  const submission = parseWithZod(formData, { schema: loginSchema(t) });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password"] });
  const ipAddress = context.clientIp;
  const { email } = submission.value;

  const refused = await throttle([["loginIp", ipAddress]]);
  if (refused) {
    await recordLoginAttempt({ email, ipAddress, success: false, reason: "rate_limited" });
    return data(
      submission.reply({ formErrors: [t("auth.tooManyRequests", { minutes: retryMinutes(refused) })], hideFields: ["password"] }),
      {
        status: 429,
        headers: { "Retry-After": String(refused.retryAfterSeconds) },
      },
    );
  }

  const redirectTo = safeRedirect(submission.value.redirectTo, "/account");
  const result = await authenticateWith("password", request, { ipAddress, redirectTo });
  if (result.status === "ok") {
    if (result.mfaRequired) return beginMfaChallenge(request, { userId: result.userId, redirectTo });
    return startSession(request, {
      userId: result.userId,
      ipAddress,
      userAgent: request.headers.get("User-Agent"),
      redirectTo,
      toast: { kind: "success", message: t("auth.login.welcome", { name: result.name }) },
    });
  }
  let message = t("auth.login.invalid");
  if (result.status === "locked") {
    const { locale, timeZone } = await viewerPreferences(request);
    message = t("auth.login.locked", { until: formatDateTime(result.lockedUntil, { locale, timeZone }) });
  } else if (result.status === "deactivated") {
    message = t("auth.login.deactivated");
  }
  return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), { status: 400 });
}

export default function LoginPage() {
  const t = useIdentityT();
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const schema = loginSchema(t);
  const [form, fields] = useValidatedForm({ id: "login", schema, lastResult });
  return (
    <div className="space-y-6">
      <AuthHeading title={t("auth.login.title")} />
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <AuthenticityTokenInput />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <FormError errors={form.errors} id={form.errorId} />
        <InputField meta={fields.email} label={t("auth.fields.email")} type="email" autoComplete="email" />
        <InputField meta={fields.password} label={t("auth.fields.password")} type="password" autoComplete="current-password" />
        <SubmitButton className="w-full" pendingLabel={t("auth.login.submitting")}>
          {t("auth.login.submit")}
        </SubmitButton>
      </Form>
      <ul className="space-y-2 text-center text-sm">
        <li>
          <Link to="/auth/forgot-password" className="text-brand-700 underline">
            {t("auth.login.forgot")}
          </Link>
        </li>
        <li>
          <Link
            to={redirectTo ? `/auth/login/code?${new URLSearchParams({ redirectTo })}` : "/auth/login/code"}
            className="text-brand-700 underline"
          >
            {t("auth.login.withCode")}
          </Link>
        </li>
        <li className="text-slate-700">
          {t("auth.login.noAccount")}{" "}
          <Link to="/auth/register" className="font-medium text-brand-700 underline">
            {t("auth.login.register")}
          </Link>
        </li>
      </ul>
    </div>
  );
}
