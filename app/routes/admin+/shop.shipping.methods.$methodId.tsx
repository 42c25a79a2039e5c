// /admin/shop/shipping/methods/<id> — edit or delete one shipping method.
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader, Section } from "~/components/admin/page-header";
import { MethodForm } from "~/components/pricing/method-form";
import { moneyInputValue } from "~/components/pricing/money-input";
import { actorOf, pricingTranslator, requiredParam } from "~/components/pricing/pricing-request.server";
import { IntentButton } from "~/components/ui/intent-button";
import { createMethodSchema } from "~/domains/commerce/shipping/shipping-form";
import { deleteShippingMethod, getShippingMethod, updateShippingMethod } from "~/domains/commerce/shipping/zones.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";

export const handle = {
  i18n: ["admin", "pricing"],
  breadcrumb: (loaderData: unknown) => (loaderData as { method?: { name: string } } | undefined)?.method?.name ?? "…",
};

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: `${loaderData?.method.name ?? ""} · Verso` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const [method, settings] = await Promise.all([getShippingMethod(requiredParam(params.methodId)), getShopSettings()]);
  if (!method) throw new Response("Not found", { status: 404 });
  return data(
    { method, currency: settings.currency, canUpdate: userCan(viewer, PERMISSIONS.updateShopAny) },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const methodId = requiredParam(params.methodId);
  const formData = await parseFormWithCsrf(request);
  const t = await pricingTranslator(request);
  const intent = formData.get("intent");
  try {
    if (intent === "update-method") {
      const { currency } = await getShopSettings();
      const submission = parseWithZod(formData, { schema: createMethodSchema(t, currency) });
      if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
      await updateShippingMethod(methodId, submission.value, actorOf(user, context));
      return redirectWithToast(request, `/admin/shop/shipping/methods/${methodId}`, {
        kind: "success",
        message: t("methods.saved"),
      });
    }
    if (intent === "delete-method") {
      const { zoneId } = await deleteShippingMethod(methodId, actorOf(user, context));
      return redirectWithToast(request, `/admin/shop/shipping/zones/${zoneId}`, {
        kind: "success",
        message: t("methods.deleted"),
      });
    }
  } catch (error) {
    if (isDomainError(error, "not_found")) throw new Response("Not found", { status: 404 });
    throw error;
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function MethodPage() {
  const { method, currency, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("pricing");
  return (
    <div className="space-y-6">
      <PageHeader title={method.name} lead={t("methods.pageLead", { zone: method.zone.name })}>
        <Link to={`/admin/shop/shipping/zones/${method.zone.id}`} className="text-sm text-brand-700 underline">
          {t("methods.backToZone", { zone: method.zone.name })}
        </Link>
      </PageHeader>
      <Section title={t("methods.editTitle")} id="edit-method-title">
        {canUpdate ? (
          <MethodForm
            id="update-method"
            intent="update-method"
            currency={currency}
            lastResult={actionData?.result}
            defaultValue={{
              name: method.name,
              rate: moneyInputValue(method.rate, currency),
              freeAbove: moneyInputValue(method.freeAbove, currency),
              position: String(method.position),
              ...(method.isActive ? { isActive: "on" as const } : {}),
            }}
          />
        ) : (
          <p className="text-sm text-slate-700">{t("common.readOnly")}</p>
        )}
      </Section>
      {canUpdate ? (
        <Section title={t("methods.deleteTitle")} id="delete-method-title">
          <p className="text-sm text-slate-700">{t("methods.deleteHelp")}</p>
          <IntentButton intent="delete-method" label={t("methods.delete")} variant="danger" />
        </Section>
      ) : null}
    </div>
  );
}
