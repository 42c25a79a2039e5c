// Ask for a password reset link. The answer is the same whether or not the address has an account.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { retryMinutes, throttle } from "~/domains/identity/auth-throttle.server";
import { requestPasswordReset } from "~/domains/identity/password-reset.server";
import { emailOnlySchema } from "~/domains/identity/schemas";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { AuthHeading, Notice, useIdentityT } from "./components/auth-ui";
import { identityT } from "./components/translate.server";

export const handle = { i18n: ["identity"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await identityT(request);
  return { title: t("auth.forgot.title") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await parseFormWithCsrf(request);
  const t = await identityT(request);
  const submission = parseWithZod(formData, { schema: emailOnlySchema(t) });
  if (submission.status !== "success") return { result: submission.reply(), sentTo: null };
  const { email } = submission.value;
  const refused = await throttle([
    ["resetIp", context.clientIp],
    ["resetEmail", email],
  ]);
  if (refused) {
    return data(
      { result: submission.reply({ formErrors: [t("auth.tooManyRequests", { minutes: retryMinutes(refused) })] }), sentTo: null },
      { status: 429, headers: { "Retry-After": String(refused.retryAfterSeconds) } },
    );
  }
  await requestPasswordReset({ email, ipAddress: context.clientIp });
  return { result: submission.reply({ resetForm: true }), sentTo: email };
}

export default function ForgotPasswordPage() {
  const t = useIdentityT();
  const actionData = useActionData<typeof action>();
  const schema = emailOnlySchema(t);
  const [form, fields] = useValidatedForm({ id: "forgot-password", schema, lastResult: actionData?.result });
  return (
    <div className="space-y-6">
      <AuthHeading title={t("auth.forgot.title")} intro={t("auth.forgot.intro")} />
      {actionData?.sentTo ? <Notice kind="success">{t("auth.forgot.sent", { email: actionData.sentTo })}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <AuthenticityTokenInput />
        <FormError errors={form.errors} id={form.errorId} />
        <InputField meta={fields.email} label={t("auth.fields.email")} type="email" autoComplete="email" />
        <SubmitButton className="w-full" pendingLabel={t("auth.forgot.submitting")}>
          {t("auth.forgot.submit")}
        </SubmitButton>
      </Form>
      <p className="text-center text-sm">
        <Link to="/auth/login" className="text-brand-700 underline">
          {t("auth.forgot.back")}
        </Link>
      </p>
    </div>
  );
}
