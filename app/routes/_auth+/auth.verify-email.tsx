// E-mail verification: the link (?token=…) verifies once, within 24 hours; a signed-in person whose
// address is not verified yet can ask for a new link here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { retryMinutes, throttle } from "~/domains/identity/auth-throttle.server";
import { getOptionalUser, requireUser } from "~/domains/identity/guards.server";
import { resendEmailVerification, verifyEmail } from "~/domains/identity/registration.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { AuthHeading, Notice, useIdentityT } from "./components/auth-ui";
import { identityT } from "./components/translate.server";

export const handle = { i18n: ["identity"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · Verso` },
  { name: "referrer", content: "same-origin" },
];

type State = "verified" | "invalid" | "pending" | "already" | "anonymous";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await identityT(request);
  const title = t("auth.verify.title");
  const token = new URL(request.url).searchParams.get("token");
  if (token) {
    const verified = await verifyEmail({ token });
    const user = await getOptionalUser(request);
    const state: State = verified ? "verified" : user?.emailVerified ? "already" : "invalid";
    return data({ title, state, email: user?.email ?? null, signedIn: Boolean(user) }, { status: verified ? 200 : 410 });
  }
  const user = await getOptionalUser(request);
  const state: State = !user ? "anonymous" : user.emailVerified ? "already" : "pending";
  return { title, state, email: user?.email ?? null, signedIn: Boolean(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await parseFormWithCsrf(request);
  const t = await identityT(request);
  if (user.emailVerified)
    return redirectWithToast(request, "/auth/verify-email", { kind: "info", message: t("auth.verify.already") });
  const refused = await throttle([["resendVerification", user.id]]);
  if (refused) {
    const message = t("auth.tooManyRequests", { minutes: retryMinutes(refused) });
    return redirectWithToast(
      request,
      "/auth/verify-email",
      { kind: "error", message },
      { headers: { "Retry-After": String(refused.retryAfterSeconds) } },
    );
  }
  const { email } = await resendEmailVerification({ userId: user.id });
  return redirectWithToast(request, "/auth/verify-email", { kind: "success", message: t("auth.verify.resent", { email }) });
}

export default function VerifyEmailPage() {
  const t = useIdentityT();
  const { state, email, signedIn } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <AuthHeading title={t("auth.verify.title")} />
      {state === "verified" ? <Notice kind="success">{t("auth.verify.verified")}</Notice> : null}
      {state === "invalid" ? <Notice kind="error">{t("auth.verify.invalid")}</Notice> : null}
      {state === "already" ? <Notice kind="success">{t("auth.verify.already")}</Notice> : null}
      {state === "pending" && email ? <Notice>{t("auth.verify.pending", { email })}</Notice> : null}
      {(state === "pending" || state === "invalid") && signedIn ? (
        <Form method="post">
          <AuthenticityTokenInput />
          <SubmitButton variant="secondary" className="w-full" pendingLabel={t("auth.verify.resending")}>
            {t("auth.verify.resend")}
          </SubmitButton>
        </Form>
      ) : null}
      {!signedIn && state !== "verified" ? (
        <p className="text-center text-sm text-slate-700">
          {t("auth.verify.signIn")}{" "}
          <Link to="/auth/login?redirectTo=%2Fauth%2Fverify-email" className="font-medium text-brand-700 underline">
            {t("auth.verify.loginLink")}
          </Link>
        </p>
      ) : null}
      {signedIn ? (
        <p className="text-center text-sm">
          <Link to="/account" className="font-medium text-brand-700 underline">
            {t("auth.verify.continue")}
          </Link>
        </p>
      ) : state === "verified" ? (
        <p className="text-center text-sm">
          <Link to="/auth/login" className="font-medium text-brand-700 underline">
            {t("auth.verify.loginLink")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
