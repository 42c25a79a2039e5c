// /account/security — change the password and the e-mail address. Both need the current password.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { isDomainError } from "~/domains/errors";
import { requestEmailChange } from "~/domains/identity/email-change.server";
import { requireUser } from "~/domains/identity/guards.server";
import { startSession } from "~/domains/identity/login-session.server";
import { changePassword } from "~/domains/identity/password-change.server";
import { PASSWORD_MIN_LENGTH, passwordProblems, type PasswordRule } from "~/domains/identity/passwords";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { identityT, limitReauthentication, translateResult, userAgentOf } from "./account-forms.server";

export const handle = { i18n: ["identity"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title ?? "Verso" }];

const PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword"];
const ruleKey = (rule: PasswordRule) => `account.password.rules.${rule}`;

const PasswordChangeSchema = z
  .object({ currentPassword: z.string().optional(), newPassword: z.string().optional(), confirmPassword: z.string().optional() })
  .superRefine((value, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    if (!value.currentPassword) issue("currentPassword", "account.password.errors.currentRequired");
    if (!value.newPassword) issue("newPassword", "account.password.errors.newRequired");
    else for (const rule of passwordProblems(value.newPassword)) issue("newPassword", ruleKey(rule));
    if (value.newPassword && value.confirmPassword !== value.newPassword)
      issue("confirmPassword", "account.password.errors.mismatch");
  })
  .transform((value) => ({ currentPassword: value.currentPassword ?? "", newPassword: value.newPassword ?? "" }));

const EmailChangeSchema = z.object({
  newEmail: z
    .string({ required_error: "account.email.errors.required" })
    .trim()
    .max(254, "account.email.errors.invalid")
    .email("account.email.errors.invalid"),
  emailCurrentPassword: z.string({ required_error: "account.password.errors.currentRequired" }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await identityT(request);
  return { title: `${t("account.security.title")} · Verso`, email: user.email, emailVerified: user.emailVerified };
}

type ActionResult = { intent: "password" | "email"; result: SubmissionResult<string[]> };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await parseFormWithCsrf(request);
  const t = await identityT(request);
  const refuse = (intent: ActionResult["intent"], result: SubmissionResult<string[]>) =>
    data<ActionResult>({ intent, result: translateResult(result, t) }, { status: 400 });

  if (formData.get("intent") === "password") {
    const submission = parseWithZod(formData, { schema: PasswordChangeSchema });
    if (submission.status !== "success") return refuse("password", submission.reply({ hideFields: PASSWORD_FIELDS }));
    await limitReauthentication(user.id);
    try {
      await changePassword({
        userId: user.id,
        currentSessionId: user.sessionId,
        ...submission.value,
        ipAddress: context.clientIp,
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const fieldErrors: Record<string, Record<string, string[]>> = {
        invalid_current_password: { currentPassword: ["account.password.errors.currentWrong"] },
        weak_password: { newPassword: ((error.details.problems ?? []) as PasswordRule[]).map(ruleKey) },
        same_password: { newPassword: ["account.password.errors.same"] },
      };
      if (!fieldErrors[error.code]) throw error;
      return refuse("password", submission.reply({ fieldErrors: fieldErrors[error.code], hideFields: PASSWORD_FIELDS }));
    }
    // A new session id for this browser; every other session was signed out by changePassword.
    return startSession(request, {
      userId: user.id,
      ipAddress: context.clientIp,
      userAgent: userAgentOf(request),
      redirectTo: "/account/security",
      toast: { kind: "success", message: t("account.password.changed") },
    });
  }

  if (formData.get("intent") === "email") {
    const submission = parseWithZod(formData, { schema: EmailChangeSchema });
    if (submission.status !== "success") return refuse("email", submission.reply({ hideFields: ["emailCurrentPassword"] }));
    await limitReauthentication(user.id);
    try {
      const { email } = await requestEmailChange({
        userId: user.id,
        currentPassword: submission.value.emailCurrentPassword,
        newEmail: submission.value.newEmail,
        ipAddress: context.clientIp,
      });
      return redirectWithToast(request, "/account/security", { kind: "success", message: t("account.email.sent", { email }) });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const fieldErrors: Record<string, Record<string, string[]>> = {
        invalid_current_password: { emailCurrentPassword: ["account.password.errors.currentWrong"] },
        email_taken: { newEmail: ["account.email.errors.taken"] },
        same_email: { newEmail: ["account.email.errors.same"] },
      };
      if (!fieldErrors[error.code]) throw error;
      return refuse("email", submission.reply({ fieldErrors: fieldErrors[error.code], hideFields: ["emailCurrentPassword"] }));
    }
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function SecurityPage() {
  const { email, emailVerified } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("identity");
  const [passwordForm, passwordFields] = useForm<z.input<typeof PasswordChangeSchema>>({
    id: "change-password",
    lastResult: actionData?.intent === "password" ? actionData.result : undefined,
  });
  const [emailForm, emailFields] = useForm<z.input<typeof EmailChangeSchema>>({
    id: "change-email",
    lastResult: actionData?.intent === "email" ? actionData.result : undefined,
  });
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">{t("account.security.title")}</h1>
      <section aria-labelledby="password-title" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="password-title" className="text-lg font-semibold">
          {t("account.password.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("account.password.lead")}</p>
        <Form method="post" {...getFormProps(passwordForm)} className="mt-4 max-w-md space-y-4">
          <AuthenticityTokenInput />
          <FormError errors={passwordForm.errors} />
          <InputField
            meta={passwordFields.currentPassword}
            type="password"
            label={t("account.password.current")}
            autoComplete="current-password"
          />
          <InputField
            meta={passwordFields.newPassword}
            type="password"
            label={t("account.password.new")}
            description={t("account.password.rulesSummary", { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
          />
          <InputField
            meta={passwordFields.confirmPassword}
            type="password"
            label={t("account.password.confirm")}
            autoComplete="new-password"
          />
          <SubmitButton name="intent" value="password" pendingLabel={t("common:actions.saving")}>
            {t("account.password.submit")}
          </SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="email-title" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="email-title" className="text-lg font-semibold">
          {t("account.email.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {t(emailVerified ? "account.email.currentVerified" : "account.email.currentUnverified", { email })}
        </p>
        <p className="mt-1 text-sm text-slate-700">{t("account.email.lead")}</p>
        <Form method="post" {...getFormProps(emailForm)} className="mt-4 max-w-md space-y-4">
          <AuthenticityTokenInput />
          <FormError errors={emailForm.errors} />
          <InputField meta={emailFields.newEmail} type="email" label={t("account.email.new")} autoComplete="email" />
          <InputField
            meta={emailFields.emailCurrentPassword}
            type="password"
            label={t("account.email.password")}
            autoComplete="current-password"
          />
          <SubmitButton name="intent" value="email" pendingLabel={t("common:actions.saving")}>
            {t("account.email.submit")}
          </SubmitButton>
        </Form>
      </section>
    </>
  );
}
