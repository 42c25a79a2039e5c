// Shipping zones with their countries and methods (rate, free-above, active), each linked to its page.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { countryName } from "~/domains/commerce/shipping/countries";
import { formatMoney } from "~/utils/money";

type Zone = {
  id: string;
  name: string;
  countries: string[];
  methods: Array<{ id: string; name: string; rate: number; freeAbove: number | null; isActive: boolean }>;
};

export function ZonesTable({ zones, currency }: { zones: Zone[]; currency: string }) {
  const { t, i18n } = useTranslation("pricing");
  const locale = i18n.language;
  return (
    <Table
      caption={t("zones.caption")}
      captionHidden
      columns={[
        { key: "name", label: t("zones.name") },
        { key: "countries", label: t("zones.countries") },
        { key: "methods", label: t("methods.title") },
      ]}
      empty={zones.length === 0 ? t("zones.empty") : undefined}
    >
      {zones.map((zone) => (
        <tr key={zone.id}>
          <RowHeader>
            <Link to={`/admin/shop/shipping/zones/${zone.id}`} className="text-brand-700 underline">
              {zone.name}
            </Link>
          </RowHeader>
          <Td>{zone.countries.map((code) => countryName(code, locale, t("zones.restOfWorld"))).join(", ")}</Td>
          <Td>
            {zone.methods.length === 0 ? (
              <span className="text-slate-700">{t("methods.none")}</span>
            ) : (
              <ul className="space-y-1">
                {zone.methods.map((method) => (
                  <li key={method.id}>
                    {method.name}: {formatMoney(method.rate, currency, locale)}
                    {method.freeAbove !== null
                      ? ` · ${t("methods.freeAboveShort", { amount: formatMoney(method.freeAbove, currency, locale) })}`
                      : ""}
                    {method.isActive ? "" : ` · ${t("methods.inactive")}`}
                  </li>
                ))}
              </ul>
            )}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
