// /admin/shop/discounts/new — create a discount code.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader, Section } from "~/components/admin/page-header";
import { submitDiscountForm } from "~/components/pricing/discount-action.server";
import { DiscountForm } from "~/components/pricing/discount-form";
import { pricingTranslator } from "~/components/pricing/pricing-request.server";
import { listCategoryChoices } from "~/domains/commerce/discounts/discounts.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { requirePermission } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";

export const handle = { i18n: ["admin", "pricing"], breadcrumb: "pricing:discounts.new" };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: `${loaderData?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const [t, categories, settings] = await Promise.all([pricingTranslator(request), listCategoryChoices(), getShopSettings()]);
  return data(
    { title: t("discounts.new"), categories, currency: settings.currency, timeZone: user.timeZone },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const formData = await parseFormWithCsrf(request);
  const outcome = await submitDiscountForm({ request, formData, user, ipAddress: context.clientIp ?? null });
  if (!outcome.ok) return data({ result: outcome.result }, { status: outcome.status });
  const t = await pricingTranslator(request);
  return redirectWithToast(request, `/admin/shop/discounts/${outcome.id}`, { kind: "success", message: t("discounts.created") });
}

export default function NewDiscountPage() {
  const { categories, currency, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("pricing");
  return (
    <div className="space-y-6">
      <PageHeader title={t("discounts.new")} lead={t("discounts.newLead")} />
      <Section title={t("discounts.details")} id="discount-details-title">
        <DiscountForm
          id="create-discount"
          intent="create"
          currency={currency}
          timeZone={timeZone}
          categories={categories}
          lastResult={actionData?.result}
          defaultValue={{
            code: "",
            kind: "percentage",
            value: "",
            startsAt: "",
            endsAt: "",
            minSubtotal: "",
            usageLimit: "",
            perCustomerLimit: "",
            productSlugs: "",
            categoryIds: [],
            isActive: "on",
          }}
        />
      </Section>
    </div>
  );
}
