// Sign-up: name, e-mail, password (every missing rule listed), then signed in with a toast.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { isDomainError } from "~/domains/errors";
import { requireAnonymous } from "~/domains/identity/guards.server";
import { startSession } from "~/domains/identity/login-session.server";
import { registerUser } from "~/domains/identity/registration.server";
import { registerSchema } from "~/domains/identity/schemas";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { AuthHeading, NewPasswordFields, useIdentityT } from "./components/auth-ui";
import { identityT, viewerPreferences } from "./components/translate.server";
import { useValidatedForm } from "~/components/ui/use-validated-form";

export const handle = { i18n: ["identity"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = await identityT(request);
  return { title: t("auth.register.title") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await parseFormWithCsrf(request);
  const t = await identityT(request);
  // Only these fields are read: a tampered "role" or "roles" field is simply ignored.
  const submission = parseWithZod(formData, { schema: registerSchema(t) });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password", "confirmPassword"] });
  const { locale, timeZone } = await viewerPreferences(request);
  try {
    const user = await registerUser({ ...submission.value, locale, timeZone, ipAddress: context.clientIp });
    return startSession(request, {
      userId: user.id,
      ipAddress: context.clientIp,
      userAgent: request.headers.get("User-Agent"),
      redirectTo: "/account",
      toast: { kind: "success", message: t("auth.register.welcome") },
    });
  } catch (error) {
    if (isDomainError(error, "email_taken")) {
      return submission.reply({
        fieldErrors: { email: [t("auth.register.emailTaken")] },
        hideFields: ["password", "confirmPassword"],
      });
    }
    throw error;
  }
}

export default function RegisterPage() {
  const t = useIdentityT();
  const lastResult = useActionData<typeof action>();
  const schema = registerSchema(t);
  const [form, fields] = useValidatedForm({ id: "register", schema, lastResult });
  return (
    <div className="space-y-6">
      <AuthHeading title={t("auth.register.title")} intro={t("auth.register.intro")} />
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <AuthenticityTokenInput />
        <FormError errors={form.errors} id={form.errorId} />
        <InputField meta={fields.name} label={t("auth.fields.name")} autoComplete="name" />
        <InputField meta={fields.email} label={t("auth.fields.email")} type="email" autoComplete="email" />
        <NewPasswordFields
          password={fields.password}
          confirmPassword={fields.confirmPassword}
          email={fields.email.value}
          label={t("auth.fields.password")}
        />
        <SubmitButton className="w-full" pendingLabel={t("auth.register.submitting")}>
          {t("auth.register.submit")}
        </SubmitButton>
      </Form>
      <p className="text-center text-sm text-slate-700">
        {t("auth.register.haveAccount")}{" "}
        <Link to="/auth/login" className="font-medium text-brand-700 underline">
          {t("auth.register.login")}
        </Link>
      </p>
    </div>
  );
}
