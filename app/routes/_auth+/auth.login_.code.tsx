// Ask for a one-time sign-in code by e-mail (remix-auth-totp). Known and unknown addresses get
// the same answer; only active accounts are actually sent a code.
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
import { authenticateWith, withFormBody } from "~/domains/identity/authenticator.server";
import { requireAnonymous } from "~/domains/identity/guards.server";
import { emailOnlySchema } from "~/domains/identity/schemas";
import { codeRedirectCookie } from "~/infra/cookies.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectToParam, safeRedirect } from "~/utils/safe-redirect";
import { AuthHeading, useIdentityT } from "./components/auth-ui";
import { identityT } from "./components/translate.server";
import { useValidatedForm } from "~/components/ui/use-validated-form";

export const handle = { i18n: ["identity"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = await identityT(request);
  return { title: t("auth.code.requestTitle"), redirectTo: redirectToParam(request) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await parseFormWithCsrf(request);
  const t = await identityT(request);
  const submission = parseWithZod(formData, { schema: emailOnlySchema(t) });
  if (submission.status !== "success") return submission.reply();
  const { email } = submission.value;
  const refused = await throttle([
    ["codeIp", context.clientIp],
    ["codeEmail", email],
  ]);
  if (refused) {
    return data(submission.reply({ formErrors: [t("auth.tooManyRequests", { minutes: retryMinutes(refused) })] }), {
      status: 429,
      headers: { "Retry-After": String(refused.retryAfterSeconds) },
    });
  }
  // The strategy reads the form itself: hand it only the normalised address.
  const forStrategy = withFormBody(request, { email });
  try {
    await authenticateWith("email-code", forStrategy, { ipAddress: context.clientIp, redirectTo: "/account" });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    // Remember where the person was going, for the page that takes the code.
    const redirectTo = safeRedirect(formData.get("redirectTo"), "");
    if (redirectTo) thrown.headers.append("Set-Cookie", await codeRedirectCookie.serialize(redirectTo));
    return thrown;
  }
  throw new Error("The e-mail code strategy always answers with a redirect");
}

export default function RequestCodePage() {
  const t = useIdentityT();
  const lastResult = useActionData<typeof action>();
  const { redirectTo } = useLoaderData<typeof loader>();
  const schema = emailOnlySchema(t);
  const [form, fields] = useValidatedForm({ id: "request-code", schema, lastResult });
  return (
    <div className="space-y-6">
      <AuthHeading title={t("auth.code.requestTitle")} intro={t("auth.code.requestIntro")} />
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <AuthenticityTokenInput />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <FormError errors={form.errors} id={form.errorId} />
        <InputField meta={fields.email} label={t("auth.fields.email")} type="email" autoComplete="email" />
        <SubmitButton className="w-full" pendingLabel={t("auth.code.requestSubmitting")}>
          {t("auth.code.requestSubmit")}
        </SubmitButton>
      </Form>
      <p className="text-center text-sm">
        <Link to="/auth/login" className="text-brand-700 underline">
          {t("auth.code.usePassword")}
        </Link>
      </p>
    </div>
  );
}
