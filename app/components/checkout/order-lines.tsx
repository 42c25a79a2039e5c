// The items of a cart being checked out or of an order: product, unit price, quantity, line total.
import { Table, Td } from "~/components/ui/table";
import { useTranslation } from "react-i18next";
import { formatMoney } from "~/utils/money";

export type SummaryLine = {
  id: string;
  title: string;
  variantTitle: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
};

export function OrderLines({
  lines,
  currency,
  locale,
  caption,
}: {
  lines: SummaryLine[];
  currency: string;
  locale: string;
  caption: string;
}) {
  const { t } = useTranslation("checkout");
  const money = (value: number) => formatMoney(value, currency, locale);
  return (
    <Table
      caption={caption}
      captionHidden
      columns={[
        { key: "product", label: t("review.product") },
        { key: "price", label: t("review.unitPrice"), align: "right" },
        { key: "quantity", label: t("review.quantity"), align: "right" },
        { key: "total", label: t("review.total"), align: "right" },
      ]}
    >
      {lines.map((line) => (
        <tr key={line.id}>
          <Td>
            <span className="font-medium">{line.title}</span>
            {line.variantTitle ? <span className="block text-slate-600">{line.variantTitle}</span> : null}
          </Td>
          <Td className="text-right">{money(line.unitPrice)}</Td>
          <Td className="text-right">{line.quantity}</Td>
          <Td className="text-right">{money(line.lineTotal)}</Td>
        </tr>
      ))}
    </Table>
  );
}
