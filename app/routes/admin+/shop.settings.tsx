// /admin/shop/settings — the shop's currency, stock reservation time, low-stock line, offline
// payment and digital download allowance. Reading and saving need update:shop:any.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { PageHeader, Section } from "~/components/admin/page-header";
import { CheckboxField } from "~/components/pricing/checkbox-field";
import { actorOf, pricingTranslator } from "~/components/pricing/pricing-request.server";
import { SubmitButton } from "~/components/ui/button";
import { InputField, SelectField, TextareaField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createShopSettingsSchema, currencyCodes, RESERVATION_MINUTES } from "~/domains/commerce/settings/shop-settings-form";
import { updateShopSettings } from "~/domains/commerce/settings/update-shop-settings.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { isDomainError } from "~/domains/errors";
import { requirePermission } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";

export const handle = { breadcrumb: "admin:nav.shopSettings", i18n: ["admin", "pricing"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: `${loaderData?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, PERMISSIONS.updateShopAny);
  const [t, settings] = await Promise.all([pricingTranslator(request), getShopSettings()]);
  return data(
    { title: t("settings.title"), settings, currencies: currencyCodes() },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const formData = await parseFormWithCsrf(request);
  const t = await pricingTranslator(request);
  const submission = parseWithZod(formData, { schema: createShopSettingsSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    await updateShopSettings(submission.value, actorOf(user, context));
  } catch (error) {
    if (!isDomainError(error, "currency_locked")) throw error;
    return data(
      { result: submission.reply({ fieldErrors: { currency: [t("pricing:errors.currencyLocked")] } }) },
      { status: 409 },
    );
  }
  return redirectWithToast(request, "/admin/shop/settings", { kind: "success", message: t("settings.saved") });
}

export default function ShopSettingsPage() {
  const { settings, currencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("pricing");
  const schema = createShopSettingsSchema((key, options) => t(key, options ?? {}) as string);
  const [form, fields] = useValidatedForm({
    id: "shop-settings",
    schema,
    lastResult: actionData?.result,
    defaultValue: {
      ...settings,
      reservationMinutes: String(settings.reservationMinutes),
      lowStockThreshold: String(settings.lowStockThreshold),
      downloadLimit: String(settings.downloadLimit),
      downloadDays: String(settings.downloadDays),
      offlinePayment: settings.offlinePayment ? "on" : undefined,
    },
  });
  return (
    <div className="space-y-6">
      <PageHeader title={t("settings.title")} lead={t("settings.lead")} />
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <AuthenticityTokenInput />
        <FormError id={form.errorId} errors={form.errors} />
        <Section title={t("settings.money")} id="settings-money">
          <SelectField
            meta={fields.currency}
            label={t("settings.currency")}
            description={t("settings.currencyHelp")}
            options={currencies.map((code) => ({ value: code, label: code }))}
          />
        </Section>
        <Section title={t("settings.stock")} id="settings-stock">
          <InputField
            meta={fields.reservationMinutes}
            type="number"
            min={RESERVATION_MINUTES.min}
            max={RESERVATION_MINUTES.max}
            label={t("settings.reservationMinutes")}
            description={t("settings.reservationMinutesHelp", RESERVATION_MINUTES)}
          />
          <InputField
            meta={fields.lowStockThreshold}
            type="number"
            min={0}
            label={t("settings.lowStockThreshold")}
            description={t("settings.lowStockThresholdHelp")}
          />
        </Section>
        <Section title={t("settings.payment")} id="settings-payment">
          <CheckboxField
            meta={fields.offlinePayment}
            label={t("settings.offlinePayment")}
            description={t("settings.offlinePaymentHelp")}
          />
          <TextareaField
            meta={fields.offlineInstructions}
            rows={5}
            label={t("settings.offlineInstructions")}
            description={t("settings.offlineInstructionsHelp")}
          />
        </Section>
        <Section title={t("settings.downloads")} id="settings-downloads">
          <InputField meta={fields.downloadLimit} type="number" min={1} max={100} label={t("settings.downloadLimit")} />
          <InputField meta={fields.downloadDays} type="number" min={1} max={3650} label={t("settings.downloadDays")} />
        </Section>
        <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
      </Form>
    </div>
  );
}
