// /admin/shop/shipping/taxes/<id> — edit or delete one tax rate.
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader, Section } from "~/components/admin/page-header";
import { actorOf, pricingTranslator, requiredParam } from "~/components/pricing/pricing-request.server";
import { TaxRateForm } from "~/components/pricing/tax-rate-form";
import { IntentButton } from "~/components/ui/intent-button";
import { formatPercent } from "~/domains/commerce/taxes/percent";
import { createTaxRateSchema } from "~/domains/commerce/taxes/tax-form";
import { deleteTaxRate, getTaxRate, updateTaxRate } from "~/domains/commerce/taxes/tax-rates.server";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";

export const handle = {
  i18n: ["admin", "pricing"],
  breadcrumb: (loaderData: unknown) => (loaderData as { rate?: { name: string } } | undefined)?.rate?.name ?? "…",
};

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: `${loaderData?.rate.name ?? ""} · Verso` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const rate = await getTaxRate(requiredParam(params.taxRateId));
  if (!rate) throw new Response("Not found", { status: 404 });
  return data({ rate, canUpdate: userCan(viewer, PERMISSIONS.updateShopAny) }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const taxRateId = requiredParam(params.taxRateId);
  const formData = await parseFormWithCsrf(request);
  const t = await pricingTranslator(request);
  const intent = formData.get("intent");
  try {
    if (intent === "update-tax-rate") {
      const submission = parseWithZod(formData, { schema: createTaxRateSchema(t) });
      if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
      try {
        await updateTaxRate(taxRateId, submission.value, actorOf(user, context));
      } catch (error) {
        if (!isDomainError(error, "tax_rate_exists")) throw error;
        return data(
          { result: submission.reply({ fieldErrors: { region: [t("pricing:errors.taxRateExists")] } }) },
          { status: 409 },
        );
      }
      return redirectWithToast(request, "/admin/shop/shipping#tax-rates-title", { kind: "success", message: t("taxes.saved") });
    }
    if (intent === "delete-tax-rate") {
      await deleteTaxRate(taxRateId, actorOf(user, context));
      return redirectWithToast(request, "/admin/shop/shipping#tax-rates-title", { kind: "success", message: t("taxes.deleted") });
    }
  } catch (error) {
    if (isDomainError(error, "not_found")) throw new Response("Not found", { status: 404 });
    throw error;
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function TaxRatePage() {
  const { rate, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("pricing");
  return (
    <div className="space-y-6">
      <PageHeader title={rate.name} lead={t("taxes.pageLead")}>
        <Link to="/admin/shop/shipping" className="text-sm text-brand-700 underline">
          {t("shipping.back")}
        </Link>
      </PageHeader>
      <Section title={t("taxes.editTitle")} id="edit-tax-rate-title">
        {canUpdate ? (
          <TaxRateForm
            id="update-tax-rate"
            intent="update-tax-rate"
            lastResult={actionData?.result}
            defaultValue={{
              name: rate.name,
              country: rate.country,
              region: rate.region,
              rate: formatPercent(rate.rateBasisPoints),
              ...(rate.shippingTaxable ? { shippingTaxable: "on" as const } : {}),
            }}
          />
        ) : (
          <p className="text-sm text-slate-700">{t("common.readOnly")}</p>
        )}
      </Section>
      {canUpdate ? (
        <Section title={t("taxes.deleteTitle")} id="delete-tax-rate-title">
          <IntentButton intent="delete-tax-rate" label={t("taxes.delete")} variant="danger" />
        </Section>
      ) : null}
    </div>
  );
}
