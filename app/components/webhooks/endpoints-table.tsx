// The list of endpoints: URL (a link to its page), events, state, and the last delivery.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { EndpointStatus } from "./endpoint-status";

export type EndpointRow = {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  lastDelivery: { status: "pending" | "succeeded" | "failed"; lastStatusCode: number | null; createdAt: Date | string } | null;
};

export function EndpointsTable({ rows }: { rows: EndpointRow[] }) {
  const { t } = useTranslation("webhooks");
  const formatDate = useFormatDateTime();
  return (
    <Table
      caption={t("list.caption")}
      captionHidden
      columns={[
        { key: "url", label: t("list.columns.url") },
        { key: "events", label: t("list.columns.events") },
        { key: "status", label: t("list.columns.status") },
        { key: "last", label: t("list.columns.lastDelivery") },
      ]}
      empty={rows.length === 0 ? t("list.empty") : undefined}
    >
      {rows.map((row) => (
        <tr key={row.id} data-testid="webhook-endpoint-row">
          <RowHeader>
            <Link to={`/admin/webhooks/${row.id}`} className="break-all text-brand-700 underline">
              {row.url}
            </Link>
            {row.description ? <span className="block font-normal text-slate-700">{row.description}</span> : null}
          </RowHeader>
          <Td>
            <ul>
              {row.events.map((type) => (
                <li key={type}>
                  <code className="font-mono">{type}</code>
                </li>
              ))}
            </ul>
          </Td>
          <Td>
            <EndpointStatus
              enabled={row.enabled}
              disabledReason={row.disabledReason}
              consecutiveFailures={row.consecutiveFailures}
            />
          </Td>
          <Td className="whitespace-nowrap">
            {row.lastDelivery
              ? t("list.lastDelivery", {
                  status: t(`deliveries.status.${row.lastDelivery.status}`),
                  date: formatDate(row.lastDelivery.createdAt),
                })
              : t("list.never")}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
