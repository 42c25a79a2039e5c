// /admin/dev/mailbox/:emailId — one stored e-mail: the text part, and the HTML part only after
// sanitizing (never the raw HTML).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader, Section } from "~/components/admin/page-header";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { requirePermission } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { getEmailMessage, isDevMailboxEnabled } from "~/domains/platform/email/email-log.server";
import { sanitizeHtml } from "~/infra/sanitize.server";

export const handle = {
  i18n: ["admin"],
  breadcrumb: (loaderData: unknown) => (loaderData as { email?: { subject: string } } | undefined)?.email?.subject || "…",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.email.subject ?? ""} · Verso` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, PERMISSIONS.readMailboxAny);
  // with SMTP configured mail really goes out: the stand-in mailbox does not exist
  if (!isDevMailboxEnabled()) throw new Response("Not found", { status: 404 });
  const email = await getEmailMessage({ id: params.emailId ?? "", mailboxReader: true });
  if (!email) throw new Response("Not found", { status: 404 });
  const { id, to, from, subject, text, html, createdAt } = email;
  return { email: { id, to, from, subject, text, createdAt, safeHtml: html ? sanitizeHtml(html) : null } };
}

export default function DevMailboxEmail() {
  const { email } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const formatDate = useFormatDateTime();
  return (
    <div className="space-y-4">
      <PageHeader title={email.subject || t("mailbox.noSubject")} />
      <dl className="grid gap-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-700">{t("mailbox.from")}</dt>
          <dd>{email.from}</dd>
        </div>
        <div>
          <dt className="text-slate-700">{t("mailbox.columns.to")}</dt>
          <dd>{email.to}</dd>
        </div>
        <div>
          <dt className="text-slate-700">{t("mailbox.columns.received")}</dt>
          <dd>{formatDate(email.createdAt)}</dd>
        </div>
      </dl>
      <Section title={t("mailbox.text")} id="mail-text">
        <pre className="overflow-x-auto text-sm whitespace-pre-wrap">{email.text}</pre>
      </Section>
      {email.safeHtml ? (
        <Section title={t("mailbox.html")} id="mail-html">
          <p className="text-sm text-slate-700">{t("mailbox.htmlNote")}</p>
          {/* sanitized on the server with the app's allowlist (no scripts, handlers or styles) */}
          <div
            className="prose max-w-none rounded border border-slate-200 p-3"
            dangerouslySetInnerHTML={{ __html: email.safeHtml }}
          />
        </Section>
      ) : null}
    </div>
  );
}
