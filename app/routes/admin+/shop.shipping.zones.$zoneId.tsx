// /admin/shop/shipping/zones/<id> — one zone: its name and countries, its methods (each linked to
// its edit page), the form that adds a method, and deleting the zone.
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader, Section } from "~/components/admin/page-header";
import { MethodForm } from "~/components/pricing/method-form";
import { actorOf, pricingTranslator, requiredParam } from "~/components/pricing/pricing-request.server";
import { IntentButton } from "~/components/ui/intent-button";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { ZoneForm } from "~/components/pricing/zone-form";
import { createMethodSchema, createZoneSchema } from "~/domains/commerce/shipping/shipping-form";
import {
  createShippingMethod,
  deleteShippingZone,
  getShippingZone,
  updateShippingZone,
} from "~/domains/commerce/shipping/zones.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { formatMoney } from "~/utils/money";

export const handle = {
  i18n: ["admin", "pricing"],
  breadcrumb: (loaderData: unknown) => (loaderData as { zone?: { name: string } } | undefined)?.zone?.name ?? "…",
};

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: `${loaderData?.zone.name ?? ""} · Verso` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const [zone, settings] = await Promise.all([getShippingZone(requiredParam(params.zoneId)), getShopSettings()]);
  if (!zone) throw new Response("Not found", { status: 404 });
  return data(
    { zone, currency: settings.currency, canUpdate: userCan(viewer, PERMISSIONS.updateShopAny) },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const zoneId = requiredParam(params.zoneId);
  const formData = await parseFormWithCsrf(request);
  const t = await pricingTranslator(request);
  const actor = actorOf(user, context);
  const here = `/admin/shop/shipping/zones/${zoneId}`;
  const intent = formData.get("intent");
  try {
    if (intent === "update-zone") {
      const submission = parseWithZod(formData, { schema: createZoneSchema(t) });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      try {
        await updateShippingZone(zoneId, submission.value, actor);
      } catch (error) {
        if (!isDomainError(error, "countries_taken")) throw error;
        const taken = (error.details.taken as string[]).join(", ");
        return data(
          { intent, result: submission.reply({ fieldErrors: { countries: [t("pricing:errors.countriesTaken", { taken })] } }) },
          { status: 409 },
        );
      }
      return redirectWithToast(request, here, { kind: "success", message: t("zones.saved") });
    }
    if (intent === "create-method") {
      const { currency } = await getShopSettings();
      const submission = parseWithZod(formData, { schema: createMethodSchema(t, currency) });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      await createShippingMethod(zoneId, submission.value, actor);
      return redirectWithToast(request, here, { kind: "success", message: t("methods.created") });
    }
    if (intent === "delete-zone") {
      await deleteShippingZone(zoneId, actor);
      return redirectWithToast(request, "/admin/shop/shipping", { kind: "success", message: t("zones.deleted") });
    }
  } catch (error) {
    if (isDomainError(error, "not_found")) throw new Response("Not found", { status: 404 });
    throw error;
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function ZonePage() {
  const { zone, currency, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("pricing");
  const locale = i18n.language;
  return (
    <div className="space-y-6">
      <PageHeader title={zone.name} lead={t("zones.pageLead")}>
        <Link to="/admin/shop/shipping" className="text-sm text-brand-700 underline">
          {t("shipping.back")}
        </Link>
      </PageHeader>
      <section aria-labelledby="methods-title" className="space-y-3">
        <h2 id="methods-title" className="text-lg font-semibold">
          {t("methods.title")}
        </h2>
        <Table
          caption={t("methods.caption", { zone: zone.name })}
          captionHidden
          columns={[
            { key: "name", label: t("methods.name") },
            { key: "rate", label: t("methods.rateShort"), align: "right" },
            { key: "freeAbove", label: t("methods.freeAboveShortLabel"), align: "right" },
            { key: "state", label: t("methods.state") },
          ]}
          empty={zone.methods.length === 0 ? t("methods.none") : undefined}
        >
          {zone.methods.map((method) => (
            <tr key={method.id}>
              <RowHeader>
                <Link to={`/admin/shop/shipping/methods/${method.id}`} className="text-brand-700 underline">
                  {method.name}
                </Link>
              </RowHeader>
              <Td className="text-right tabular-nums">{formatMoney(method.rate, currency, locale)}</Td>
              <Td className="text-right tabular-nums">
                {method.freeAbove === null ? t("methods.never") : formatMoney(method.freeAbove, currency, locale)}
              </Td>
              <Td>{method.isActive ? t("methods.activeState") : t("methods.inactive")}</Td>
            </tr>
          ))}
        </Table>
      </section>
      {canUpdate ? (
        <>
          <Section title={t("methods.createTitle")} id="create-method-title">
            <MethodForm
              key={zone.methods.length}
              id="create-method"
              intent="create-method"
              currency={currency}
              lastResult={actionData?.intent === "create-method" ? actionData.result : null}
              defaultValue={{ name: "", rate: "", freeAbove: "", position: String(zone.methods.length), isActive: "on" }}
            />
          </Section>
          <Section title={t("zones.editTitle")} id="edit-zone-title">
            <ZoneForm
              id="update-zone"
              intent="update-zone"
              lastResult={actionData?.intent === "update-zone" ? actionData.result : null}
              defaultValue={{ name: zone.name, countries: zone.countries.join(", ") }}
            />
          </Section>
          <Section title={t("zones.deleteTitle")} id="delete-zone-title">
            <p className="text-sm text-slate-700">{t("zones.deleteHelp")}</p>
            <IntentButton intent="delete-zone" label={t("zones.delete")} variant="danger" />
          </Section>
        </>
      ) : null}
    </div>
  );
}
