// An endpoint's delivery log, one page: message id (a link to its attempts), event, state,
// attempts, the last response code and when it was created.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { DeliveryStatus } from "./endpoint-status";

export type DeliveryRow = {
  id: string;
  eventType: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  lastStatusCode: number | null;
  createdAt: Date | string;
};

export function DeliveriesTable({ endpointId, rows }: { endpointId: string; rows: DeliveryRow[] }) {
  const { t } = useTranslation("webhooks");
  const formatDate = useFormatDateTime();
  return (
    <Table
      caption={t("deliveries.caption")}
      captionHidden
      columns={[
        { key: "id", label: t("deliveries.columns.id") },
        { key: "event", label: t("deliveries.columns.event") },
        { key: "status", label: t("deliveries.columns.status") },
        { key: "attempts", label: t("deliveries.columns.attempts"), align: "right" },
        { key: "code", label: t("deliveries.columns.lastCode"), align: "right" },
        { key: "created", label: t("deliveries.columns.created") },
      ]}
      empty={rows.length === 0 ? t("deliveries.empty") : undefined}
    >
      {rows.map((row) => (
        <tr key={row.id} data-testid="webhook-delivery-row">
          <RowHeader>
            <Link to={`/admin/webhooks/${endpointId}/deliveries/${row.id}`} className="font-mono text-brand-700 underline">
              {row.id}
            </Link>
          </RowHeader>
          <Td>
            <code className="font-mono">{row.eventType}</code>
          </Td>
          <Td>
            <DeliveryStatus status={row.status} />
          </Td>
          <Td className="text-right">{row.attempts}</Td>
          <Td className="text-right">{row.lastStatusCode ?? t("deliveries.noCode")}</Td>
          <Td className="whitespace-nowrap">{formatDate(row.createdAt)}</Td>
        </tr>
      ))}
    </Table>
  );
}
