// /admin/dev/mailbox: e-mails the app stored instead of sending, newest first. Only while no SMTP is
// configured (404 otherwise): the mailbox stands in for SMTP and shows sign-in and reset links.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/admin/page-header";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { PlainField } from "~/components/ui/field";
import { Pagination } from "~/components/ui/pagination";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { requirePermission } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { isDevMailboxEnabled, listEmailMessages } from "~/domains/platform/email/email-log.server";
import { parsePage, textParam } from "~/domains/platform/list-query";
import { i18n } from "~/infra/i18n.server";
import { FilterForm } from "~/components/ui/filter-form";

export const handle = { i18n: ["admin"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, PERMISSIONS.readMailboxAny);
  // with SMTP configured mail really goes out: the stand-in mailbox does not exist
  if (!isDevMailboxEnabled()) throw new Response("Not found", { status: 404 });
  const params = new URL(request.url).searchParams;
  const to = textParam(params, "to", 254);
  const [t, list] = await Promise.all([
    i18n.getFixedT(request, "admin"),
    listEmailMessages({ q: to, status: "", template: "", page: parsePage(params.get("page")), pageSize: PAGE_SIZE }),
  ]);
  return { title: t("mailbox.title"), to, ...list };
}

export default function DevMailbox() {
  const { to, items, total, page, pageSize } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const formatDate = useFormatDateTime();
  return (
    <div className="space-y-4">
      <PageHeader title={t("mailbox.title")} lead={t("mailbox.lead")} />
      <FilterForm
        action="/admin/dev/mailbox"
        label={t("mailbox.filterLabel")}
        applyLabel={t("mailbox.filter")}
        clearLabel={t("mailbox.clear")}
      >
        <PlainField label={t("mailbox.recipient")} name="to" type="search" defaultValue={to} />
      </FilterForm>
      <Table
        caption={t("mailbox.caption")}
        columns={[
          { key: "subject", label: t("mailbox.columns.subject") },
          { key: "to", label: t("mailbox.columns.to") },
          { key: "received", label: t("mailbox.columns.received") },
        ]}
        empty={items.length === 0 ? t("mailbox.empty") : undefined}
      >
        {items.map((email) => (
          <tr key={email.id}>
            <RowHeader>
              <Link to={`/admin/dev/mailbox/${email.id}`} className="text-brand-700 underline">
                {email.subject || t("mailbox.noSubject")}
              </Link>
            </RowHeader>
            <Td>{email.to}</Td>
            <Td className="whitespace-nowrap">{formatDate(email.createdAt)}</Td>
          </tr>
        ))}
      </Table>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
