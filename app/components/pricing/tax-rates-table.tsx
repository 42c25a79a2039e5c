// Tax rates by country and region, each linked to its edit page.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { countryName } from "~/domains/commerce/shipping/countries";
import { formatPercent } from "~/domains/commerce/taxes/percent";

type Rate = { id: string; name: string; country: string; region: string; rateBasisPoints: number; shippingTaxable: boolean };

export function TaxRatesTable({ rates }: { rates: Rate[] }) {
  const { t, i18n } = useTranslation("pricing");
  return (
    <Table
      caption={t("taxes.caption")}
      captionHidden
      columns={[
        { key: "name", label: t("taxes.name") },
        { key: "where", label: t("taxes.where") },
        { key: "rate", label: t("taxes.rate"), align: "right" },
        { key: "shipping", label: t("taxes.shippingTaxable") },
      ]}
      empty={rates.length === 0 ? t("taxes.empty") : undefined}
    >
      {rates.map((rate) => (
        <tr key={rate.id}>
          <RowHeader>
            <Link to={`/admin/shop/shipping/taxes/${rate.id}`} className="text-brand-700 underline">
              {rate.name}
            </Link>
          </RowHeader>
          <Td>
            {countryName(rate.country, i18n.language, "")}
            {rate.region ? ` · ${rate.region}` : ` · ${t("taxes.wholeCountry")}`}
          </Td>
          <Td className="text-right tabular-nums">{formatPercent(rate.rateBasisPoints)} %</Td>
          <Td>{rate.shippingTaxable ? t("common.yes") : t("common.no")}</Td>
        </tr>
      ))}
    </Table>
  );
}
