// /admin/emails/:emailId — one logged message: metadata, extra headers, the plain-text part and the
// HTML part in a sandboxed frame (served by emails.$emailId.preview.ts with a CSP that loads nothing
// remote). Messages with one-time links or codes show no bodies once mail really goes out (SMTP).
// A failed message can be sent again.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { ActionMessage, PageHeader, Section } from "~/components/admin/page-header";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { EmailStatus } from "~/components/email/email-status";
import { SubmitButton } from "~/components/ui/button";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { getEmailMessage, resendEmailMessage } from "~/domains/platform/email/email-log.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";

export const handle = {
  i18n: ["admin", "email"],
  breadcrumb: (loaderData: unknown) => (loaderData as { email?: { subject: string } } | undefined)?.email?.subject || "…",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.email.subject ?? ""} · Verso` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readEmailAny);
  const mailboxReader = userCan(viewer, PERMISSIONS.readMailboxAny);
  const message = await getEmailMessage({ id: params.emailId ?? "", mailboxReader });
  if (!message) throw new Response("Not found", { status: 404 });
  const { html, text, ...rest } = message;
  // The HTML itself is only ever served by the sandboxed preview route.
  return {
    email: { ...rest, text: message.bodiesHidden ? null : text, hasHtml: !message.bodiesHidden && html.length > 0 },
    canResend: userCan(viewer, PERMISSIONS.updateEmailAny),
  };
}

const RESEND_ERRORS = ["not_found", "not_failed", "suppressed"] as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, PERMISSIONS.updateEmailAny);
  await parseFormWithCsrf(request);
  const t = await i18n.getFixedT(request, "email");
  const id = params.emailId ?? "";
  try {
    await resendEmailMessage({ id, actorId: actor.id, ipAddress: context.clientIp ?? null });
  } catch (error) {
    const code = RESEND_ERRORS.find((candidate) => isDomainError(error, candidate));
    if (!code) throw error;
    return data({ message: t(`detail.errors.${code}`) }, { status: code === "not_found" ? 404 : 409 });
  }
  return redirectWithToast(request, `/admin/emails/${id}`, { kind: "success", message: t("detail.resent") });
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-slate-700">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

export default function AdminEmail() {
  const { email, canResend } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("email");
  const formatDate = useFormatDateTime();
  const none = t("detail.none");
  return (
    <div className="space-y-4">
      <PageHeader title={email.subject || t("log.noSubject")}>
        {email.status === "failed" && canResend ? (
          <Form method="post" className="flex flex-col items-end gap-1">
            <AuthenticityTokenInput />
            <SubmitButton name="intent" value="resend" pendingLabel={t("detail.resend")} aria-describedby="resend-help">
              {t("detail.resend")}
            </SubmitButton>
            <p id="resend-help" className="text-sm text-slate-700">
              {t("detail.resendHelp")}
            </p>
          </Form>
        ) : null}
      </PageHeader>
      <ActionMessage message={actionData?.message} />
      <Section title={t("detail.metadata")} id="email-metadata">
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <Item label={t("detail.from")}>{email.from}</Item>
          <Item label={t("detail.to")}>{email.to}</Item>
          <Item label={t("detail.template")}>
            <code>{email.template}</code>
          </Item>
          <Item label={t("detail.category")}>{t(`log.category.${email.category}`)}</Item>
          <Item label={t("detail.locale")}>{email.locale}</Item>
          <Item label={t("detail.status")}>
            <EmailStatus status={email.status} />
          </Item>
          <Item label={t("detail.attempts")}>{email.attempts}</Item>
          <Item label={t("detail.transport")}>{email.transport ?? none}</Item>
          <Item label={t("detail.providerMessageId")}>{email.providerMessageId ?? none}</Item>
          <Item label={t("detail.created")}>{formatDate(email.createdAt)}</Item>
          <Item label={t("detail.sent")}>{formatDate(email.sentAt)}</Item>
          <Item label={t("detail.error")}>{email.error ?? none}</Item>
        </dl>
      </Section>
      <Section title={t("detail.headers")} id="email-headers">
        {email.headers.length > 0 ? (
          <dl className="space-y-2 text-sm">
            {email.headers.map(([name, value]) => (
              <div key={name}>
                <dt className="font-mono font-semibold">{name}</dt>
                <dd className="font-mono break-all">{value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-sm text-slate-700">{t("detail.noHeaders")}</p>
        )}
      </Section>
      {email.bodiesHidden ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("detail.hidden")}
        </p>
      ) : (
        <>
          <Section title={t("detail.text")} id="email-text">
            <pre className="overflow-x-auto text-sm whitespace-pre-wrap">{email.text}</pre>
          </Section>
          {email.hasHtml ? (
            <Section title={t("detail.html")} id="email-html">
              <p className="text-sm text-slate-700">{t("detail.htmlNote")}</p>
              <iframe
                sandbox=""
                src={`/admin/emails/${email.id}/preview`}
                title={t("detail.previewTitle")}
                className="h-[36rem] w-full rounded border border-slate-200 bg-white"
              />
            </Section>
          ) : null}
        </>
      )}
    </div>
  );
}
