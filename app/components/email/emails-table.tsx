// The e-mail log table of /admin/emails: subject (links to the message), recipient, template,
// status, attempts and when it was queued (viewer's time zone).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { EmailStatus } from "./email-status";

export type EmailRow = {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: "queued" | "sent" | "failed";
  attempts: number;
  createdAt: string | Date;
};

export function EmailsTable({ rows }: { rows: EmailRow[] }) {
  const { t } = useTranslation("email");
  const formatDate = useFormatDateTime();
  return (
    <Table
      caption={t("log.caption")}
      columns={[
        { key: "subject", label: t("log.columns.subject") },
        { key: "to", label: t("log.columns.to") },
        { key: "template", label: t("log.columns.template") },
        { key: "status", label: t("log.columns.status") },
        { key: "attempts", label: t("log.columns.attempts"), align: "right" },
        { key: "created", label: t("log.columns.created") },
      ]}
      empty={rows.length === 0 ? t("log.empty") : undefined}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <RowHeader>
            <Link to={`/admin/emails/${row.id}`} className="text-brand-700 underline">
              {row.subject || t("log.noSubject")}
            </Link>
          </RowHeader>
          <Td>{row.to}</Td>
          <Td>
            <code className="text-xs">{row.template}</code>
          </Td>
          <Td>
            <EmailStatus status={row.status} />
          </Td>
          <Td className="text-right tabular-nums">{row.attempts}</Td>
          <Td className="whitespace-nowrap">{formatDate(row.createdAt)}</Td>
        </tr>
      ))}
    </Table>
  );
}
