// /admin/shop/discounts/<id> — one code: its state and uses, the edit form, switching it off or on,
// deleting it (only while unused) and its latest redemptions.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionMessage, PageHeader, Section } from "~/components/admin/page-header";
import { submitDiscountForm } from "~/components/pricing/discount-action.server";
import { DiscountForm } from "~/components/pricing/discount-form";
import { describeDiscount, discountState } from "~/components/pricing/discount-value";
import { moneyInputValue } from "~/components/pricing/money-input";
import { actorOf, pricingTranslator, requiredParam } from "~/components/pricing/pricing-request.server";
import { RedemptionsTable } from "~/components/pricing/redemptions-table";
import { IntentButton } from "~/components/ui/intent-button";
import { toLocalDateTimeInput } from "~/domains/commerce/discounts/local-datetime";
import {
  deleteDiscount,
  getDiscount,
  listCategoryChoices,
  setDiscountActive,
} from "~/domains/commerce/discounts/discounts.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { formatPercent } from "~/domains/commerce/taxes/percent";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";

export const handle = {
  i18n: ["admin", "pricing"],
  breadcrumb: (loaderData: unknown) => (loaderData as { discount?: { code: string } } | undefined)?.discount?.code ?? "…",
};

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: `${loaderData?.discount.code ?? ""} · Verso` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const [discount, categories, settings] = await Promise.all([
    getDiscount(requiredParam(params.discountId)),
    listCategoryChoices(),
    getShopSettings(),
  ]);
  if (!discount) throw new Response("Not found", { status: 404 });
  return data(
    {
      discount,
      categories,
      currency: settings.currency,
      timeZone: viewer.timeZone,
      canUpdate: userCan(viewer, PERMISSIONS.updateShopAny),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const discountId = requiredParam(params.discountId);
  const formData = await parseFormWithCsrf(request);
  const t = await pricingTranslator(request);
  const here = `/admin/shop/discounts/${discountId}`;
  const intent = formData.get("intent");
  try {
    if (intent === "update") {
      const outcome = await submitDiscountForm({ request, formData, user, ipAddress: context.clientIp ?? null, discountId });
      if (!outcome.ok) return data({ result: outcome.result, message: null }, { status: outcome.status });
      return redirectWithToast(request, here, { kind: "success", message: t("discounts.saved") });
    }
    if (intent === "activate" || intent === "deactivate") {
      await setDiscountActive(discountId, intent === "activate", actorOf(user, context));
      return redirectWithToast(request, here, {
        kind: "success",
        message: intent === "activate" ? t("discounts.activated") : t("discounts.deactivated"),
      });
    }
    if (intent === "delete") {
      try {
        await deleteDiscount(discountId, actorOf(user, context));
      } catch (error) {
        if (!isDomainError(error, "discount_in_use")) throw error;
        return data({ result: null, message: t("pricing:errors.discountInUse") }, { status: 409 });
      }
      return redirectWithToast(request, "/admin/shop/discounts", { kind: "success", message: t("discounts.deleted") });
    }
  } catch (error) {
    if (isDomainError(error, "not_found")) throw new Response("Not found", { status: 404 });
    throw error;
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function DiscountPage() {
  const { discount, categories, currency, timeZone, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("pricing");
  const translate = (key: string, options?: Record<string, unknown>) => t(key, options ?? {}) as string;
  const state = discountState(discount);
  const value =
    discount.kind === "percentage"
      ? formatPercent(discount.value)
      : discount.kind === "fixed"
        ? moneyInputValue(discount.value, currency)
        : "";
  return (
    <div className="space-y-6">
      <PageHeader
        title={discount.code}
        lead={`${describeDiscount(discount, { t: translate, currency, locale: i18n.language })} · ${t(`discounts.states.${state}`)}`}
      />
      <ActionMessage message={actionData?.message} />
      <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-700">{t("discounts.uses")}</dt>
          <dd className="text-lg font-semibold tabular-nums">
            {discount.usageLimit === null
              ? t("discounts.usesUnlimited", { used: discount.usedCount })
              : t("discounts.usesOf", { used: discount.usedCount, limit: discount.usageLimit })}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">{t("discounts.redemptions")}</dt>
          <dd className="text-lg font-semibold tabular-nums">{discount._count.redemptions}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">{t("discounts.perCustomerLimit")}</dt>
          <dd className="text-lg font-semibold tabular-nums">{discount.perCustomerLimit ?? t("discounts.unlimited")}</dd>
        </div>
      </dl>
      {canUpdate ? (
        <>
          <Section title={t("discounts.editTitle")} id="edit-discount-title">
            <DiscountForm
              key={String(discount.updatedAt)}
              id="update-discount"
              intent="update"
              currency={currency}
              timeZone={timeZone}
              categories={categories}
              usedCount={discount.usedCount}
              lastResult={actionData?.result}
              defaultValue={{
                code: discount.code,
                kind: discount.kind,
                value,
                startsAt: toLocalDateTimeInput(discount.startsAt, timeZone),
                endsAt: toLocalDateTimeInput(discount.endsAt, timeZone),
                minSubtotal: moneyInputValue(discount.minSubtotal, currency),
                usageLimit: discount.usageLimit === null ? "" : String(discount.usageLimit),
                perCustomerLimit: discount.perCustomerLimit === null ? "" : String(discount.perCustomerLimit),
                productSlugs: discount.products.map((p) => p.slug).join("\n"),
                categoryIds: discount.categoryIds,
                ...(discount.isActive ? { isActive: "on" as const } : {}),
              }}
            />
          </Section>
          <Section title={t("discounts.stateTitle")} id="discount-state-title">
            <p className="text-sm text-slate-700">
              {discount.isActive ? t("discounts.deactivateHelp") : t("discounts.activateHelp")}
            </p>
            <div className="flex flex-wrap gap-3">
              {discount.isActive ? (
                <IntentButton intent="deactivate" label={t("discounts.deactivate")} />
              ) : (
                <IntentButton intent="activate" label={t("discounts.activate")} />
              )}
              {discount.usedCount === 0 && discount._count.redemptions === 0 ? (
                <IntentButton intent="delete" label={t("discounts.delete")} variant="danger" />
              ) : null}
            </div>
          </Section>
        </>
      ) : null}
      <section aria-labelledby="redemptions-title" className="space-y-3">
        <h2 id="redemptions-title" className="text-lg font-semibold">
          {t("discounts.redemptionsTitle")}
        </h2>
        <RedemptionsTable rows={discount.redemptions} />
      </section>
    </div>
  );
}
