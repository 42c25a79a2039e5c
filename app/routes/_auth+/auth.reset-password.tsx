// Choose a new password from an e-mailed link: single use, one hour. Success signs the person out
// everywhere, lifts a lockout and sends them to log in.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { isDomainError } from "~/domains/errors";
import { getPasswordResetTarget, resetPassword } from "~/domains/identity/password-reset.server";
import { resetPasswordSchema } from "~/domains/identity/schemas";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { AuthHeading, NewPasswordFields, Notice, useIdentityT } from "./components/auth-ui";
import { identityT } from "./components/translate.server";

export const handle = { i18n: ["identity"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · Verso` },
  { name: "referrer", content: "same-origin" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await identityT(request);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const target = token ? await getPasswordResetTarget({ token }) : null;
  return data(
    { title: t("auth.reset.title"), token: target ? token : null, email: target?.email ?? null },
    { status: target ? 200 : 410 },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await parseFormWithCsrf(request);
  const t = await identityT(request);
  const token = String(formData.get("token") ?? "");
  const target = await getPasswordResetTarget({ token });
  const submission = parseWithZod(formData, { schema: resetPasswordSchema(t, target?.email) });
  if (!target)
    return data({ result: submission.reply({ hideFields: ["password", "confirmPassword"] }), invalid: true }, { status: 410 });
  if (submission.status !== "success")
    return { result: submission.reply({ hideFields: ["password", "confirmPassword"] }), invalid: false };
  try {
    await resetPassword({ token, password: submission.value.password, ipAddress: context.clientIp });
  } catch (error) {
    if (isDomainError(error, "invalid_token")) {
      return data({ result: submission.reply({ hideFields: ["password", "confirmPassword"] }), invalid: true }, { status: 410 });
    }
    throw error;
  }
  return redirectWithToast(request, "/auth/login", { kind: "success", message: t("auth.reset.done") });
}

export default function ResetPasswordPage() {
  const t = useIdentityT();
  const { token, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = resetPasswordSchema(t, email ?? undefined);
  const [form, fields] = useValidatedForm({ id: "reset-password", schema, lastResult: actionData?.result });
  if (!token || actionData?.invalid) {
    return (
      <div className="space-y-6">
        <AuthHeading title={t("auth.reset.title")} />
        <Notice kind="error">{t("auth.reset.invalid")}</Notice>
        <p className="text-center text-sm">
          <Link to="/auth/forgot-password" className="font-medium text-brand-700 underline">
            {t("auth.reset.askAgain")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <AuthHeading title={t("auth.reset.title")} />
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <AuthenticityTokenInput />
        <input type="hidden" name="token" value={token} />
        <FormError errors={form.errors} id={form.errorId} />
        <NewPasswordFields
          password={fields.password}
          confirmPassword={fields.confirmPassword}
          email={email ?? undefined}
          label={t("auth.fields.newPassword")}
        />
        <SubmitButton className="w-full" pendingLabel={t("auth.reset.submitting")}>
          {t("auth.reset.submit")}
        </SubmitButton>
      </Form>
    </div>
  );
}
