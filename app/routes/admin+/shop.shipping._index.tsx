// /admin/shop/shipping — shipping zones with their methods, and tax rates, on one page, with the
// forms that add a zone and a tax rate. Viewing needs read:shop:any; changing needs update:shop:any.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader, Section } from "~/components/admin/page-header";
import { actorOf, pricingTranslator } from "~/components/pricing/pricing-request.server";
import { TaxRatesTable } from "~/components/pricing/tax-rates-table";
import { TaxRateForm } from "~/components/pricing/tax-rate-form";
import { ZoneForm } from "~/components/pricing/zone-form";
import { ZonesTable } from "~/components/pricing/zones-table";
import { createZoneSchema } from "~/domains/commerce/shipping/shipping-form";
import { createShippingZone, listShippingZones } from "~/domains/commerce/shipping/zones.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { createTaxRateSchema } from "~/domains/commerce/taxes/tax-form";
import { createTaxRate, listTaxRates } from "~/domains/commerce/taxes/tax-rates.server";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";

export const handle = { i18n: ["admin", "pricing"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: `${loaderData?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const [t, zones, taxRates, settings] = await Promise.all([
    pricingTranslator(request),
    listShippingZones(),
    listTaxRates(),
    getShopSettings(),
  ]);
  return data(
    {
      title: t("shipping.title"),
      zones,
      taxRates,
      currency: settings.currency,
      canUpdate: userCan(viewer, PERMISSIONS.updateShopAny),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const formData = await parseFormWithCsrf(request);
  const t = await pricingTranslator(request);
  const intent = formData.get("intent");
  if (intent === "create-zone") {
    const submission = parseWithZod(formData, { schema: createZoneSchema(t) });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    try {
      const zone = await createShippingZone(submission.value, actorOf(user, context));
      return redirectWithToast(request, `/admin/shop/shipping/zones/${zone.id}`, {
        kind: "success",
        message: t("zones.created"),
      });
    } catch (error) {
      if (!isDomainError(error, "countries_taken")) throw error;
      const taken = (error.details.taken as string[]).join(", ");
      return data(
        { intent, result: submission.reply({ fieldErrors: { countries: [t("pricing:errors.countriesTaken", { taken })] } }) },
        { status: 409 },
      );
    }
  }
  if (intent === "create-tax-rate") {
    const submission = parseWithZod(formData, { schema: createTaxRateSchema(t) });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    try {
      await createTaxRate(submission.value, actorOf(user, context));
    } catch (error) {
      if (!isDomainError(error, "tax_rate_exists")) throw error;
      return data(
        { intent, result: submission.reply({ fieldErrors: { region: [t("pricing:errors.taxRateExists")] } }) },
        { status: 409 },
      );
    }
    return redirectWithToast(request, "/admin/shop/shipping#tax-rates-title", { kind: "success", message: t("taxes.created") });
  }
  throw redirect("/admin/shop/shipping");
}

export default function ShippingPage() {
  const { zones, taxRates, currency, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("pricing");
  return (
    <div className="space-y-6">
      <PageHeader title={t("shipping.title")} lead={t("shipping.lead")} />
      <section aria-labelledby="zones-title" className="space-y-3">
        <h2 id="zones-title" className="text-lg font-semibold">
          {t("zones.title")}
        </h2>
        <ZonesTable zones={zones} currency={currency} />
      </section>
      {canUpdate ? (
        <Section title={t("zones.createTitle")} id="create-zone-title">
          <ZoneForm
            key={zones.length}
            id="create-zone"
            intent="create-zone"
            lastResult={actionData?.intent === "create-zone" ? actionData.result : null}
          />
        </Section>
      ) : null}
      <section aria-labelledby="tax-rates-title" className="space-y-3">
        <h2 id="tax-rates-title" className="text-lg font-semibold">
          {t("taxes.title")}
        </h2>
        <p className="text-sm text-slate-700">{t("taxes.lead")}</p>
        <TaxRatesTable rates={taxRates} />
      </section>
      {canUpdate ? (
        <Section title={t("taxes.createTitle")} id="create-tax-rate-title">
          <TaxRateForm
            key={taxRates.length}
            id="create-tax-rate"
            intent="create-tax-rate"
            lastResult={actionData?.intent === "create-tax-rate" ? actionData.result : null}
          />
        </Section>
      ) : null}
    </div>
  );
}
