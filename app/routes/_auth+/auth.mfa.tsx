// The second factor after a password or e-mail code: an authenticator code or a backup code, in
// one field (works without JavaScript). Five wrong answers in fifteen minutes end the challenge
// (counted per account on the server); answers are also limited per IP address.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { startSession } from "~/domains/identity/login-session.server";
import { answerMfaChallenge } from "~/domains/identity/mfa-challenge.server";
import { retryMinutes, throttle } from "~/domains/identity/auth-throttle.server";
import { clearMfaPending, countMfaFailure, readMfaPending } from "~/domains/identity/mfa-pending.server";
import { mfaSchema } from "~/domains/identity/schemas";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { AuthHeading, useIdentityT } from "./components/auth-ui";
import { identityT } from "./components/translate.server";
import { useValidatedForm } from "~/components/ui/use-validated-form";

export const handle = { i18n: ["identity"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

async function backToLogin(request: Request, message: string) {
  return redirectWithToast(
    request,
    "/auth/login",
    { kind: "error", message },
    { headers: { "Set-Cookie": await clearMfaPending(request) } },
  );
}

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await identityT(request);
  if (!(await readMfaPending(request))) throw await backToLogin(request, t("auth.mfa.expired"));
  return { title: t("auth.mfa.title") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await parseFormWithCsrf(request);
  const t = await identityT(request);
  const pending = await readMfaPending(request);
  if (!pending) return backToLogin(request, t("auth.mfa.expired"));
  const submission = parseWithZod(formData, { schema: mfaSchema(t) });
  if (submission.status !== "success") return submission.reply({ hideFields: ["code"] });
  const refused = await throttle([["mfaIp", context.clientIp]]);
  if (refused) {
    return data(
      submission.reply({ formErrors: [t("auth.tooManyRequests", { minutes: retryMinutes(refused) })], hideFields: ["code"] }),
      {
        status: 429,
        headers: { "Retry-After": String(refused.retryAfterSeconds) },
      },
    );
  }
  const answer = await answerMfaChallenge({ userId: pending.userId, code: submission.value.code, ipAddress: context.clientIp });
  if (answer.status === "exhausted") return backToLogin(request, t("auth.mfa.exhausted"));
  if (answer.status === "invalid") {
    return data(
      submission.reply({ fieldErrors: { code: [t("auth.mfa.invalid", { count: answer.attemptsLeft })] }, hideFields: ["code"] }),
      {
        status: 400,
        headers: { "Set-Cookie": await countMfaFailure(request) },
      },
    );
  }
  const message =
    answer.backupCodesLeft !== null
      ? t("auth.mfa.backupUsed", { count: answer.backupCodesLeft })
      : t("auth.login.welcome", { name: answer.name });
  return startSession(request, {
    userId: pending.userId,
    ipAddress: context.clientIp,
    userAgent: request.headers.get("User-Agent"),
    redirectTo: pending.redirectTo,
    toast: { kind: answer.backupCodesLeft !== null && answer.backupCodesLeft < 3 ? "info" : "success", message },
  });
}

export default function MfaPage() {
  const t = useIdentityT();
  const lastResult = useActionData<typeof action>();
  const schema = mfaSchema(t);
  const [form, fields] = useValidatedForm({ id: "mfa", schema, lastResult });
  return (
    <div className="space-y-6">
      <AuthHeading title={t("auth.mfa.title")} intro={t("auth.mfa.intro")} />
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <AuthenticityTokenInput />
        <FormError errors={form.errors} id={form.errorId} />
        <InputField
          meta={fields.code}
          label={t("auth.mfa.label")}
          description={t("auth.mfa.description")}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
        />
        <SubmitButton className="w-full" pendingLabel={t("auth.mfa.submitting")}>
          {t("auth.mfa.submit")}
        </SubmitButton>
      </Form>
      <p className="text-center text-sm">
        <Link to="/auth/login" className="text-brand-700 underline">
          {t("auth.mfa.cancel")}
        </Link>
      </p>
    </div>
  );
}
