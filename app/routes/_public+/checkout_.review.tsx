// /checkout/review — step 3: the order as it will be placed (priceCart, the same numbers the order
// gets), the payment choice, and POST intent=place. Offline and gift-card orders land on their
// confirmation page; Stripe orders go to Stripe's payment page (303).
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { CheckoutSteps } from "~/components/checkout/checkout-steps";
import { OrderLines } from "~/components/checkout/order-lines";
import { ReservationNotice } from "~/components/checkout/reservation-notice";
import { TotalsList } from "~/components/checkout/totals-list";
import { SubmitButton } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { PlaceOrderSchema } from "~/domains/commerce/checkout/contact-schema";
import { missingStep } from "~/domains/commerce/checkout/current.server";
import { availablePaymentMethods, placeOrder } from "~/domains/commerce/checkout/place.server";
import { orderPath } from "~/domains/commerce/orders/order-links.server";
import { createStripeCheckoutSession } from "~/domains/commerce/payments/stripe-checkout.server";
import { priceCart } from "~/domains/commerce/pricing.server";
import { refusalMessage } from "~/domains/commerce/refusals";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";
import { logger } from "~/infra/logger.server";
import { useRootData } from "~/root";
import { formatMoney } from "~/utils/money";
import { placeRefusal } from "./checkout-errors.server";
import { checkoutT, countryLabel, requireCheckout } from "./checkout-helpers.server";

// Per-visitor pages: never stored by a shared cache (the loader says `private, no-store`).
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const handle = { i18n: ["checkout", "commerce"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title ?? "Verso" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { cartId, checkout, requiresShipping, user } = await requireCheckout(request);
  const step = missingStep(checkout, requiresShipping);
  if (step === "contact") throw redirect("/checkout");
  if (step === "shipping") throw redirect("/checkout/shipping");
  const [t, tCommerce, locale, settings] = await Promise.all([
    checkoutT(request),
    i18n.getFixedT(request, "commerce"),
    i18n.getLocale(request),
    getShopSettings(),
  ]);
  const priced = await priceCart({
    cartId,
    destination: { country: checkout.shipCountry ?? "", ...(checkout.shipRegion ? { region: checkout.shipRegion } : {}) },
    ...(checkout.shippingMethodId ? { shippingMethodId: checkout.shippingMethodId } : {}),
    customerKey: user?.id ?? checkout.email?.toLowerCase(),
  });
  if (priced.lines.length === 0) throw redirect("/cart");
  const { totals } = priced;
  const method = priced.shippingMethods.find((option) => option.id === checkout.shippingMethodId);
  if (totals.requiresShipping && !method) throw redirect("/checkout/shipping");
  const totalByLine = new Map(totals.lines.map((line) => [line.id, line.lineTotal]));
  return data(
    {
      title: `${t("review.title")} · ${t("title")}`,
      currency: priced.currency,
      requiresShipping,
      expiresAt: checkout.expiresAt.toISOString(),
      reservationExpired: checkout.status === "expired" || checkout.expiresAt.getTime() <= Date.now(),
      lines: priced.lines.map((line) => ({
        id: line.id,
        title: line.title,
        variantTitle: line.variantTitle,
        unitPrice: line.unitPrice,
        quantity: line.quantity,
        lineTotal: totalByLine.get(line.id) ?? line.unitPrice * line.quantity,
      })),
      totals: {
        merchandiseSubtotal: totals.merchandiseSubtotal,
        discountTotal: totals.discountTotal,
        discountCode: totals.discount?.code ?? null,
        shippingTotal: totals.requiresShipping ? totals.shippingTotal : 0,
        requiresShipping: totals.requiresShipping,
        taxTotal: totals.taxTotal,
        grandTotal: totals.grandTotal,
        giftCards: totals.giftCardApplied,
        giftCardTotal: totals.giftCardTotal,
        amountDue: totals.amountDue,
      },
      refusals: totals.refusals.map((refusal) => ({
        code: refusal.code,
        message: tCommerce(`refusals.${refusal.reason}`, {
          minimum: refusal.minimum === undefined ? "" : formatMoney(refusal.minimum, priced.currency, locale),
          defaultValue: refusalMessage(refusal, { currency: priced.currency, locale }),
        }),
      })),
      contact: {
        email: checkout.email ?? "",
        phone: checkout.phone,
        address: requiresShipping
          ? [
              checkout.shipName,
              checkout.shipLine1,
              checkout.shipLine2,
              [checkout.shipPostalCode, checkout.shipCity].filter(Boolean).join(" "),
              [checkout.shipRegion, countryLabel(checkout.shipCountry, locale)].filter(Boolean).join(", "),
            ].filter((line): line is string => Boolean(line))
          : [countryLabel(checkout.shipCountry, locale)],
        shippingMethod: method?.name ?? null,
      },
      paymentMethods: totals.amountDue === 0 ? [] : availablePaymentMethods(settings),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await parseFormWithCsrf(request);
  const { cartId, checkout, user } = await requireCheckout(request);
  const [t, tCommerce, locale] = await Promise.all([
    checkoutT(request),
    i18n.getFixedT(request, "commerce"),
    i18n.getLocale(request),
  ]);
  const submission = parseWithZod(formData, { schema: PlaceOrderSchema });
  if (submission.status !== "success") {
    return data({ formError: null, paymentError: t("review.errors.paymentMethodRequired") }, { status: 400 });
  }
  let placed;
  try {
    placed = await placeOrder({
      checkoutId: checkout.id,
      cartId,
      userId: user?.id ?? null,
      paymentMethod: submission.value.paymentMethod ?? null,
      expectedAmountDue: submission.value.expectedAmountDue ?? null,
      locale,
      ipAddress: context.clientIp,
    });
  } catch (error) {
    const currency = (await getShopSettings()).currency;
    const refusal = await placeRefusal(error, t, tCommerce, (minor) => formatMoney(minor, currency, locale));
    if (!refusal) throw error;
    if (refusal.kind === "redirect") return redirect(refusal.to, 303);
    if (refusal.kind === "field") return data({ formError: null, paymentError: refusal.message }, { status: 400 });
    return data({ formError: refusal.message, paymentError: null }, { status: 409 });
  }
  const confirmation = orderPath(placed);
  if (placed.paymentMethod !== "stripe") return redirect(confirmation, 303);
  try {
    const session = await createStripeCheckoutSession(placed, { expiresAt: placed.reservationEndsAt });
    return redirect(session.url, 303);
  } catch (error) {
    logger.warn({ err: error, orderId: placed.id }, "stripe session for a new order failed");
    const pay = `/checkout/pay/${encodeURIComponent(placed.number)}?${new URL(confirmation, "http://x").searchParams.toString()}`;
    return redirectWithToast(request, pay, { kind: "error", message: t("review.errors.paymentStartFailed") });
  }
}

export default function CheckoutReviewPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("checkout");
  const root = useRootData();
  const locale = root?.locale ?? "en";
  const money = (value: number) => formatMoney(value, loaderData.currency, locale);
  const { totals, paymentMethods, refusals, contact } = loaderData;
  const payable = totals.amountDue === 0 || paymentMethods.length > 0;
  const paymentErrorId = actionData?.paymentError ? "payment-method-error" : undefined;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("review.title")}</h1>
      <CheckoutSteps current="review" skipShipping={!loaderData.requiresShipping} />
      <ReservationNotice expiresAt={loaderData.expiresAt} expired={loaderData.reservationExpired} />
      {actionData?.formError ? <FormError errors={[actionData.formError]} /> : null}
      <section aria-labelledby="review-items" className="space-y-3">
        <div className="flex items-baseline justify-between">
          <h2 id="review-items" className="text-lg font-semibold">
            {t("review.itemsHeading")}
          </h2>
          <Link to="/cart" className="text-sm text-brand-700 underline">
            {t("review.editCart")}
          </Link>
        </div>
        <OrderLines lines={loaderData.lines} currency={loaderData.currency} locale={locale} caption={t("review.caption")} />
        <div className="ml-auto max-w-sm rounded-lg border border-slate-200 bg-white p-4">
          <TotalsList totals={totals} currency={loaderData.currency} locale={locale} />
        </div>
      </section>
      {refusals.length > 0 ? (
        <section role="alert" aria-labelledby="review-refusals" className="rounded-md bg-amber-50 p-4 text-amber-900">
          <h2 id="review-refusals" className="font-semibold">
            {t("review.refusalsTitle")}
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {refusals.map((refusal) => (
              <li key={refusal.code}>
                <span className="font-mono">{refusal.code}</span>: {refusal.message}
              </li>
            ))}
          </ul>
          <p className="mt-2">
            <Link to="/cart" className="underline">
              {t("review.fixInCart")}
            </Link>
          </p>
        </section>
      ) : null}
      <section
        aria-labelledby="review-contact"
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
      >
        <div>
          <h2 id="review-contact" className="font-semibold">
            {t("review.contactHeading")}
          </h2>
          <p className="text-sm">{contact.email}</p>
          {contact.phone ? <p className="text-sm">{contact.phone}</p> : null}
          <Link to="/checkout" className="text-sm text-brand-700 underline">
            {t("review.edit")}
          </Link>
        </div>
        <div>
          <h2 className="font-semibold">{t("review.addressHeading")}</h2>
          <address className="text-sm not-italic">
            {contact.address.map((line, index) => (
              <span key={index} className="block">
                {line}
              </span>
            ))}
          </address>
          <p className="text-sm">
            {contact.shippingMethod ? t("review.shippingMethod", { name: contact.shippingMethod }) : t("review.noShipping")}
          </p>
          {loaderData.requiresShipping ? (
            <Link to="/checkout/shipping" className="text-sm text-brand-700 underline">
              {t("review.edit")}
            </Link>
          ) : null}
        </div>
      </section>
      <Form method="post" id="checkout-review" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <AuthenticityTokenInput />
        <input type="hidden" name="intent" value="place" />
        <input type="hidden" name="expectedAmountDue" value={totals.amountDue} />
        {totals.amountDue === 0 ? (
          <p>{t("review.coveredByGiftCards")}</p>
        ) : paymentMethods.length === 0 ? (
          <p role="alert">{t("review.noPaymentMethod")}</p>
        ) : (
          <fieldset aria-describedby={paymentErrorId} aria-invalid={paymentErrorId ? true : undefined}>
            <legend className="text-lg font-semibold">{t("review.paymentLegend")}</legend>
            <div className="mt-3 space-y-3">
              {paymentMethods.map((method, index) => (
                <div key={method} className="flex items-start gap-3 rounded-md border border-slate-200 p-3">
                  <input
                    type="radio"
                    id={`pay-${method}`}
                    name="paymentMethod"
                    value={method}
                    defaultChecked={index === 0}
                    className="mt-1"
                    aria-describedby={`pay-${method}-help`}
                  />
                  <label htmlFor={`pay-${method}`}>
                    <span className="font-medium">{method === "stripe" ? t("review.payStripe") : t("review.payOffline")}</span>
                    <span id={`pay-${method}-help`} className="block text-sm text-slate-600">
                      {method === "stripe"
                        ? t("review.payStripeHelp", { amount: money(totals.amountDue) })
                        : t("review.payOfflineHelp")}
                    </span>
                  </label>
                </div>
              ))}
            </div>
            <FieldErrors id={paymentErrorId} errors={actionData?.paymentError ? [actionData.paymentError] : undefined} />
          </fieldset>
        )}
        <SubmitButton pendingLabel={t("review.placing")} disabled={!payable || refusals.length > 0} data-testid="place-order">
          {totals.amountDue === 0 ? t("review.place") : t("review.placeAndPay", { amount: money(totals.amountDue) })}
        </SubmitButton>
      </Form>
    </div>
  );
}
