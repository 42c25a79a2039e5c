// /email/unsubscribe?token=… — the unsubscribe link in the footer of marketing mail. Opening it
// changes nothing (mail scanners open links); the person confirms with a button (a plain form with
// a CSRF token, so it works without JavaScript) and sees the result.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { isDomainError } from "~/domains/errors";
import { unsubscribe, unsubscribeTarget } from "~/domains/platform/email/unsubscribe.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["email"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · Verso` },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18n.getFixedT(request, "email");
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const target = unsubscribeTarget(token);
  return data(
    { title: t("unsubscribe.title"), token: target ? token : null, email: target?.email ?? null },
    { status: target ? 200 : 400, headers: { "Referrer-Policy": "no-referrer" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await parseFormWithCsrf(request);
  const token = formData.get("token");
  try {
    const { email } = await unsubscribe({
      token: typeof token === "string" ? token : null,
      via: "unsubscribe",
      ipAddress: context.clientIp ?? null,
    });
    return { done: true as const, email };
  } catch (error) {
    if (!isDomainError(error, "invalid_token")) throw error;
    return data({ done: false as const, email: null }, { status: 400 });
  }
}

export default function UnsubscribePage() {
  const { token, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("email");
  const invalid = !token || result?.done === false;
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("unsubscribe.title")}</h1>
      {result?.done ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t("unsubscribe.done", { email: result.email })}
        </p>
      ) : invalid ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-800">
          {t("unsubscribe.invalid")}
        </p>
      ) : (
        <Form method="post" className="space-y-4">
          <AuthenticityTokenInput />
          <input type="hidden" name="token" value={token} />
          <p className="text-slate-800">{t("unsubscribe.confirm", { email })}</p>
          <SubmitButton pendingLabel={t("unsubscribe.submit")}>{t("unsubscribe.submit")}</SubmitButton>
        </Form>
      )}
    </div>
  );
}
