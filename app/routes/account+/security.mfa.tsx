// /account/security/mfa — two-factor sign-in with an authenticator app: set up (QR code rendered
// on the server, secret as text), confirm with a code, backup codes shown once, regenerate, turn off.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { BackupCodeList } from "~/components/ui/backup-code-list";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { QrCode } from "~/components/ui/qr-code";
import { isDomainError } from "~/domains/errors";
import { requireUser } from "~/domains/identity/guards.server";
import { startSession } from "~/domains/identity/login-session.server";
import * as mfa from "~/domains/identity/mfa-enrolment.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";
import { formatDateTime } from "~/utils/dates";
import { identityT, limitReauthentication, translateResult, userAgentOf } from "./account-forms.server";
import { backupCodesCookie, takeBackupCodes } from "./backup-codes-cookie.server";

export const handle = { i18n: ["identity"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title ?? "Verso" }];

const PATH = "/account/security/mfa";
const CodeSchema = z.object({
  code: z
    .string({ required_error: "account.mfa.errors.codeRequired" })
    .transform((value) => value.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "account.mfa.errors.codeFormat")),
});
type CodeIntent = "confirm" | "regenerate" | "disable";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [overview, locale, t, fresh] = await Promise.all([
    mfa.getMfaOverview({ userId: user.id, accountName: user.email }),
    i18n.getLocale(request),
    identityT(request),
    takeBackupCodes(request, user.id),
  ]);
  const view =
    overview.status === "on"
      ? {
          status: "on" as const,
          backupCodesLeft: overview.backupCodesLeft,
          since: formatDateTime(overview.confirmedAt, { locale, timeZone: user.timeZone }),
        }
      : overview.status === "pending"
        ? {
            status: "pending" as const,
            secret: overview.secret,
            groupedSecret: mfa.groupSecret(overview.secret),
            qrSvg: overview.qrSvg,
          }
        : { status: "off" as const };
  // Pages that show a secret or backup codes are never stored by the browser or a proxy.
  const headers = new Headers(view.status === "pending" || fresh.codes ? { "Cache-Control": "no-store" } : {});
  if (fresh.clear) headers.append("Set-Cookie", fresh.clear);
  return data(
    { title: `${t("account.mfa.title")} · Verso`, view, backupCodes: overview.status === "on" ? fresh.codes : null },
    { headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await parseFormWithCsrf(request);
  const t = await identityT(request);
  const intent = formData.get("intent");
  const toast = (kind: "success" | "error" | "info", key: string) => redirectWithToast(request, PATH, { kind, message: t(key) });

  if (intent === "start" || intent === "cancel") {
    try {
      if (intent === "start") await mfa.startMfaEnrolment({ userId: user.id });
      else await mfa.cancelMfaEnrolment({ userId: user.id });
    } catch (error) {
      if (isDomainError(error, "mfa_already_enabled")) return toast("error", "account.mfa.errors.mfa_already_enabled");
      throw error;
    }
    return intent === "start"
      ? redirectWithToast(request, PATH, { kind: "info", message: t("account.mfa.started") })
      : toast("info", "account.mfa.cancelled");
  }
  if (intent !== "confirm" && intent !== "regenerate" && intent !== "disable")
    throw new Response("Unknown intent", { status: 400 });

  const submission = parseWithZod(formData, { schema: CodeSchema });
  const refuse = (result: SubmissionResult<string[]>) =>
    data({ intent: intent as CodeIntent, result: translateResult(result, t), backupCodes: null }, { status: 400 });
  if (submission.status !== "success") return refuse(submission.reply());
  await limitReauthentication(user.id);
  const input = { userId: user.id, code: submission.value.code, ipAddress: context.clientIp };
  try {
    if (intent === "confirm") {
      const codes = await mfa.confirmMfaEnrolment(input);
      // MFA on is a privilege change: new session id; the codes follow in a one-shot cookie.
      return startSession(request, {
        userId: user.id,
        ipAddress: context.clientIp,
        userAgent: userAgentOf(request),
        redirectTo: PATH,
        toast: { kind: "success", message: t("account.mfa.enabled") },
        headers: [["Set-Cookie", await backupCodesCookie(user.id, codes)]],
      });
    }
    if (intent === "regenerate") {
      const codes = await mfa.regenerateBackupCodes(input);
      return data(
        { intent: intent as CodeIntent, result: null, backupCodes: codes },
        { headers: { "Cache-Control": "no-store" } },
      );
    }
    await mfa.disableMfa(input);
    return toast("success", "account.mfa.disabled");
  } catch (error) {
    if (isDomainError(error, "invalid_code"))
      return refuse(submission.reply({ fieldErrors: { code: ["account.mfa.errors.codeInvalid"] } }));
    if (isDomainError(error) && error.code.startsWith("mfa_")) return toast("error", `account.mfa.errors.${error.code}`);
    throw error;
  }
}

function CodeForm({
  intent,
  label,
  submit,
  variant,
}: {
  intent: CodeIntent;
  label: string;
  submit: string;
  variant?: "primary" | "danger";
}) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof CodeSchema>>({
    id: `mfa-${intent}`,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-xs space-y-4">
      <AuthenticityTokenInput />
      <FormError errors={form.errors} />
      <InputField meta={fields.code} label={label} inputMode="numeric" autoComplete="one-time-code" maxLength={8} />
      <SubmitButton name="intent" value={intent} variant={variant}>
        {submit}
      </SubmitButton>
    </Form>
  );
}

export default function MfaPage() {
  const { view, backupCodes: loaderCodes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("identity");
  const backupCodes = actionData?.backupCodes ?? loaderCodes;
  const box = "rounded-lg border border-slate-200 bg-white p-6";
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">{t("account.mfa.title")}</h1>
      <p className="text-slate-700">{t("account.mfa.lead")}</p>
      {backupCodes ? (
        <BackupCodeList
          codes={backupCodes}
          title={t("account.mfa.codes.title")}
          lead={t("account.mfa.codes.lead")}
          warning={t("account.mfa.codes.warning")}
        />
      ) : null}
      {view.status === "off" ? (
        <section aria-labelledby="mfa-off" className={box}>
          <h2 id="mfa-off" className="text-lg font-semibold">
            {t("account.mfa.offTitle")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("account.mfa.offLead")}</p>
          <Form method="post" className="mt-4">
            <AuthenticityTokenInput />
            <SubmitButton name="intent" value="start">
              {t("account.mfa.start")}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      {view.status === "pending" ? (
        <section aria-labelledby="mfa-setup" className={box}>
          <h2 id="mfa-setup" className="text-lg font-semibold">
            {t("account.mfa.setupTitle")}
          </h2>
          <ol className="mt-4 list-decimal space-y-4 pl-5">
            <li>
              <p>{t("account.mfa.scan")}</p>
              <QrCode svg={view.qrSvg} label={t("account.mfa.qrLabel")} className="mt-2 border border-slate-300" />
            </li>
            <li>
              <p>{t("account.mfa.manual")}</p>
              <p className="mt-1">
                <code className="rounded bg-slate-100 px-2 py-1 font-mono text-base tracking-wider" data-testid="totp-secret">
                  {view.groupedSecret}
                </code>
              </p>
              <p className="mt-1 text-sm text-slate-600">{t("account.mfa.manualDetails")}</p>
            </li>
            <li>
              <p>{t("account.mfa.confirmStep")}</p>
              <CodeForm intent="confirm" label={t("account.mfa.codeLabel")} submit={t("account.mfa.confirm")} />
            </li>
          </ol>
          <Form method="post" className="mt-6">
            <AuthenticityTokenInput />
            <SubmitButton name="intent" value="cancel" variant="secondary">
              {t("account.mfa.cancel")}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      {view.status === "on" ? (
        <>
          <section aria-labelledby="mfa-on" className={box}>
            <h2 id="mfa-on" className="text-lg font-semibold">
              {t("account.mfa.onTitle")}
            </h2>
            <p className="mt-1 text-sm text-slate-700" data-testid="mfa-status">
              {t("account.mfa.onSince", { date: view.since })} {t("account.mfa.codesLeft", { count: view.backupCodesLeft })}
            </p>
          </section>
          <section aria-labelledby="mfa-regenerate" className={box}>
            <h2 id="mfa-regenerate" className="text-lg font-semibold">
              {t("account.mfa.regenerateTitle")}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{t("account.mfa.regenerateLead")}</p>
            <CodeForm intent="regenerate" label={t("account.mfa.codeLabel")} submit={t("account.mfa.regenerate")} />
          </section>
          <section aria-labelledby="mfa-disable" className={box}>
            <h2 id="mfa-disable" className="text-lg font-semibold">
              {t("account.mfa.disableTitle")}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{t("account.mfa.disableLead")}</p>
            <CodeForm intent="disable" label={t("account.mfa.codeLabel")} submit={t("account.mfa.disable")} variant="danger" />
          </section>
        </>
      ) : null}
    </>
  );
}
