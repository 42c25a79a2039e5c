// /checkout/shipping — step 2: the shipping methods that deliver to the address (H4's zones), with
// what each costs for this cart; a plain radio group posted to the action.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { CheckoutSteps } from "~/components/checkout/checkout-steps";
import { ReservationNotice } from "~/components/checkout/reservation-notice";
import { SubmitButton } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { ShippingStepSchema } from "~/domains/commerce/checkout/contact-schema";
import { missingStep, saveShippingMethod } from "~/domains/commerce/checkout/current.server";
import { priceCart } from "~/domains/commerce/pricing.server";
import { isDomainError } from "~/domains/errors";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { i18n } from "~/infra/i18n.server";
import { useRootData } from "~/root";
import { formatMoney } from "~/utils/money";
import { checkoutT, countryLabel, requireCheckout, translateResult } from "./checkout-helpers.server";

// Per-visitor pages: never stored by a shared cache (the loader says `private, no-store`).
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const handle = { i18n: ["checkout"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title ?? "Verso" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { cartId, checkout, requiresShipping, user } = await requireCheckout(request);
  if (!requiresShipping) throw redirect("/checkout/review");
  if (missingStep(checkout, requiresShipping) === "contact") throw redirect("/checkout");
  const [t, locale] = await Promise.all([checkoutT(request), i18n.getLocale(request)]);
  const country = checkout.shipCountry ?? "";
  const priced = await priceCart({
    cartId,
    destination: { country, ...(checkout.shipRegion ? { region: checkout.shipRegion } : {}) },
    customerKey: user?.id ?? checkout.email?.toLowerCase(),
  });
  const afterDiscount = priced.totals.merchandiseSubtotal - priced.totals.discountTotal;
  const freeShippingCode = priced.totals.discount?.kind === "free_shipping";
  return data(
    {
      title: `${t("shipping.title")} · ${t("title")}`,
      currency: priced.currency,
      expiresAt: checkout.expiresAt.toISOString(),
      reservationExpired: checkout.status === "expired" || checkout.expiresAt.getTime() <= Date.now(),
      address: [checkout.shipLine1, checkout.shipCity, countryLabel(checkout.shipCountry, locale)].filter(Boolean).join(", "),
      country: countryLabel(checkout.shipCountry, locale),
      selected: checkout.shippingMethodId ?? priced.shippingMethods[0]?.id ?? "",
      options: priced.shippingMethods.map((option) => ({
        id: option.id,
        name: option.name,
        rate: option.rate,
        freeAbove: option.freeAbove,
        charge: freeShippingCode || (option.freeAbove !== null && afterDiscount >= option.freeAbove) ? 0 : option.rate,
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await parseFormWithCsrf(request);
  const { checkout, requiresShipping } = await requireCheckout(request);
  if (!requiresShipping) return redirect("/checkout/review", 303);
  const t = await checkoutT(request);
  const submission = parseWithZod(formData, { schema: ShippingStepSchema });
  if (submission.status !== "success") {
    return data({ result: translateResult(submission.reply(), t) }, { status: 400 });
  }
  try {
    await saveShippingMethod(checkout.id, submission.value.shippingMethodId);
  } catch (error) {
    if (isDomainError(error, "shipping_unavailable")) {
      return data(
        { result: translateResult(submission.reply({ fieldErrors: { shippingMethodId: ["shipping.errors.unavailable"] } }), t) },
        { status: 400 },
      );
    }
    throw error;
  }
  return redirect("/checkout/review", 303);
}

export default function CheckoutShippingPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("checkout");
  const root = useRootData();
  const locale = root?.locale ?? "en";
  const money = (value: number) => formatMoney(value, loaderData.currency, locale);
  const [form, fields] = useValidatedForm({
    id: "checkout-shipping",
    schema: ShippingStepSchema,
    lastResult: actionData?.result ?? null,
    defaultValue: { shippingMethodId: loaderData.selected },
  });
  const field = fields.shippingMethodId;
  const errorId = field.errors?.length ? `${field.id}-error` : undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("shipping.title")}</h1>
      <CheckoutSteps current="shipping" />
      <ReservationNotice expiresAt={loaderData.expiresAt} expired={loaderData.reservationExpired} />
      <p className="text-sm text-slate-700">
        {t("shipping.to", { address: loaderData.address })}{" "}
        <Link to="/checkout" className="text-brand-700 underline">
          {t("shipping.change")}
        </Link>
      </p>
      {loaderData.options.length === 0 ? (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-amber-900">
          {t("shipping.none", { country: loaderData.country })}
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="space-y-6 rounded-lg border border-slate-200 bg-white p-6">
          <AuthenticityTokenInput />
          <fieldset aria-describedby={errorId} aria-invalid={errorId ? true : undefined}>
            <legend className="text-lg font-semibold">{t("shipping.legend")}</legend>
            <div className="mt-3 space-y-3">
              {loaderData.options.map((option) => {
                const id = `shipping-${option.id}`;
                const hint =
                  option.freeAbove !== null && option.charge > 0
                    ? t("shipping.freeAbove", { amount: money(option.freeAbove) })
                    : null;
                return (
                  <div key={option.id} className="flex items-start gap-3 rounded-md border border-slate-200 p-3">
                    <input
                      type="radio"
                      id={id}
                      name={field.name}
                      value={option.id}
                      defaultChecked={loaderData.selected === option.id}
                      className="mt-1"
                    />
                    <label htmlFor={id} className="flex flex-1 flex-wrap justify-between gap-x-4">
                      <span className="font-medium">{option.name}</span>
                      <span>{option.charge === 0 ? t("shipping.free") : money(option.charge)}</span>
                      {hint ? <span className="basis-full text-sm text-slate-600">{hint}</span> : null}
                    </label>
                  </div>
                );
              })}
            </div>
            <FieldErrors id={errorId} errors={field.errors} />
          </fieldset>
          <SubmitButton pendingLabel={t("contact.saving")}>{t("shipping.continue")}</SubmitButton>
        </Form>
      )}
    </div>
  );
}
