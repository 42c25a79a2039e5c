// /admin/emails: the e-mail log — search by recipient or subject, filter by status and template,
// page through it, all as query strings.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/admin/page-header";
import { EmailFilters } from "~/components/email/email-filters";
import { EmailsTable } from "~/components/email/emails-table";
import { Pagination } from "~/components/ui/pagination";
import { requirePermission } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { EMAIL_PAGE_SIZE, parseEmailListQuery } from "~/domains/platform/email/email-log-query";
import { listEmailMessages } from "~/domains/platform/email/email-log.server";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["admin", "email"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, PERMISSIONS.readEmailAny);
  const query = parseEmailListQuery(new URL(request.url).searchParams);
  const [t, list] = await Promise.all([
    i18n.getFixedT(request, "email"),
    listEmailMessages({ ...query, pageSize: EMAIL_PAGE_SIZE }),
  ]);
  return {
    title: t("log.title"),
    query: { ...query, page: list.page },
    emails: list.items,
    total: list.total,
    pageSize: list.pageSize,
  };
}

export default function AdminEmails() {
  const { query, emails, total, pageSize } = useLoaderData<typeof loader>();
  const { t } = useTranslation("email");
  return (
    <div className="space-y-4">
      <PageHeader title={t("log.title")} lead={t("log.lead", { count: total })} />
      <EmailFilters query={query} />
      <EmailsTable rows={emails} />
      <Pagination page={query.page} pageSize={pageSize} total={total} />
    </div>
  );
}
