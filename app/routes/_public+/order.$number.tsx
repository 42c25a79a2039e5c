// /order/<number> — the order's confirmation and status page: the customer who placed it (signed
// in) or anyone with the signed key from the e-mail (guests). Status, items, totals, address, how
// to pay (offline) or "payment received", and download links once paid. After Stripe's redirect
// (?paid=1) an order still waiting shows "confirming" and refreshes itself until the webhook lands.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrderLines } from "~/components/checkout/order-lines";
import { TotalsList } from "~/components/checkout/totals-list";
import { getOrderForViewer } from "~/domains/commerce/orders/order-view.server";
import { getOptionalUser } from "~/domains/identity/guards.server";
import { i18n } from "~/infra/i18n.server";
import { useRootData } from "~/root";
import { formatDate, formatDateTime } from "~/utils/dates";
import { formatMoney } from "~/utils/money";
import { checkoutT, countryLabel } from "./checkout-helpers.server";

// Per-visitor pages: never stored by a shared cache (the loader says `private, no-store`).
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const handle = { i18n: ["checkout"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData?.title ?? "Verso" },
  { name: "robots", content: "noindex" },
  ...(loaderData && "confirming" in loaderData && loaderData.confirming ? [{ httpEquiv: "refresh", content: "5" } as const] : []),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const user = await getOptionalUser(request);
  const [t, locale] = await Promise.all([checkoutT(request), i18n.getLocale(request)]);
  const order = params.number
    ? await getOrderForViewer({ number: params.number, userId: user?.id ?? null, key: url.searchParams.get("key") })
    : null;
  const headers = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };
  if (!order) {
    return data({ title: `${t("order.notFound")} · Verso`, order: null }, { status: 404, headers });
  }
  const key = url.searchParams.get("key");
  return data(
    {
      title: `${t("order.title", { number: order.number })} · Verso`,
      confirming: url.searchParams.get("paid") === "1" && order.status === "pending_payment",
      payHref: order.canRetryPayment
        ? `/checkout/pay/${encodeURIComponent(order.number)}${key ? `?key=${encodeURIComponent(key)}` : ""}`
        : null,
      order: {
        ...order,
        placedAt: order.placedAt.toISOString(),
        paidAt: order.paidAt?.toISOString() ?? null,
        paymentDeadline: order.paymentDeadline?.toISOString() ?? null,
        countryName: countryLabel(order.address?.country ?? null, locale),
        items: order.items.map((item) => ({
          ...item,
          downloads: item.downloads.map((grant) => ({ ...grant, expiresAt: grant.expiresAt.toISOString() })),
        })),
      },
    },
    { headers },
  );
}

export default function OrderPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { t } = useTranslation("checkout");
  const root = useRootData();
  const locale = root?.locale ?? "en";
  const timeZone = root?.timeZone ?? "UTC";
  if (!loaderData.order) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-bold tracking-tight">{t("order.notFound")}</h1>
        <Link to="/shop" className="text-brand-700 underline">
          {t("order.continueShopping")}
        </Link>
      </div>
    );
  }
  const { order } = loaderData;
  const confirming = "confirming" in loaderData && loaderData.confirming;
  const payHref = "payHref" in loaderData ? loaderData.payHref : null;
  const money = (value: number) => formatMoney(value, order.currency, locale);
  const digital = order.items.filter((item) => item.isDigital);
  const paid = ["paid", "fulfilled", "delivered", "partially_refunded"].includes(order.status);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-1">
        {order.status !== "cancelled" ? <p className="text-lg font-semibold text-emerald-800">{t("order.thanks")}</p> : null}
        <h1 className="text-2xl font-bold tracking-tight">{t("order.title", { number: order.number })}</h1>
        <p className="text-sm text-slate-700">
          {t("order.placedOn", { date: formatDateTime(order.placedAt, { locale, timeZone }) })}.{" "}
          {t("order.confirmationSent", { email: order.email })}
        </p>
      </header>

      <section aria-labelledby="order-status" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="order-status" className="font-semibold">
          {t("order.statusLabel")}: <span data-testid="order-status">{t(`order.status.${order.status}`)}</span>
        </h2>
        {confirming ? <p role="status">{t("order.confirmingPayment")}</p> : null}
        {order.paidAt ? <p>{t("order.paymentReceived", { date: formatDateTime(order.paidAt, { locale, timeZone }) })}</p> : null}
        {order.status === "cancelled" ? (
          <p>
            {t("order.cancelledNote")}{" "}
            {order.cancelReason === "payment_timeout" || order.cancelReason === "payment_expired"
              ? t(`order.cancelReason.${order.cancelReason}`)
              : null}
          </p>
        ) : null}
        {order.carrier && order.trackingNumber ? (
          <p>{t("order.tracking", { carrier: order.carrier, trackingNumber: order.trackingNumber })}</p>
        ) : null}
        {payHref && !confirming ? (
          <p>
            <Link to={payHref} className="font-medium text-brand-700 underline">
              {t("order.payNow")}
            </Link>
          </p>
        ) : null}
      </section>

      {order.paymentInstructions !== null ? (
        <section aria-labelledby="order-offline" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="order-offline" className="font-semibold">
            {t("order.offlineTitle")}
          </h2>
          <p>{t("order.offlineAmount", { amount: money(order.totals.amountDue), number: order.number })}</p>
          {order.paymentInstructions ? (
            <p className="whitespace-pre-line" data-testid="payment-instructions">
              {order.paymentInstructions}
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="order-items" className="space-y-3">
        <h2 id="order-items" className="text-lg font-semibold">
          {t("order.itemsHeading")}
        </h2>
        <OrderLines
          lines={order.items}
          currency={order.currency}
          locale={locale}
          caption={t("order.caption", { number: order.number })}
        />
        <div className="ml-auto max-w-sm rounded-lg border border-slate-200 bg-white p-4">
          <TotalsList
            currency={order.currency}
            locale={locale}
            totals={{
              ...order.totals,
              requiresShipping: order.address !== null,
              giftCards: [],
            }}
          />
        </div>
      </section>

      {digital.length > 0 ? (
        <section aria-labelledby="order-downloads" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="order-downloads" className="font-semibold">
            {t("order.downloadsHeading")}
          </h2>
          {!paid ? (
            <p>{t("order.downloadsAfterPayment")}</p>
          ) : (
            <ul className="space-y-2">
              {digital.flatMap((item) =>
                item.downloads.map((grant) => (
                  <li key={grant.id}>
                    {grant.usable ? (
                      <>
                        <a href={grant.href} className="font-medium text-brand-700 underline" download>
                          {t("order.download", {
                            title: item.variantTitle ? `${item.title} (${item.variantTitle})` : item.title,
                          })}
                        </a>{" "}
                        <span className="text-sm text-slate-600">
                          {t("order.downloadsLeft", {
                            count: grant.remaining,
                            date: formatDate(grant.expiresAt, { locale, timeZone }),
                          })}
                        </span>
                      </>
                    ) : (
                      <span>
                        {item.title}: {t("order.downloadUnavailable")}
                      </span>
                    )}
                  </li>
                )),
              )}
            </ul>
          )}
        </section>
      ) : null}

      {order.address ? (
        <section aria-labelledby="order-address" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="order-address" className="font-semibold">
            {t("order.addressHeading")}
          </h2>
          <address className="text-sm not-italic">
            {[
              order.address.name,
              order.address.line1,
              order.address.line2,
              [order.address.postalCode, order.address.city].filter(Boolean).join(" "),
              [order.address.region, order.countryName].filter(Boolean).join(", "),
            ]
              .filter(Boolean)
              .map((line, index) => (
                <span key={index} className="block">
                  {line}
                </span>
              ))}
          </address>
          {order.totals.shippingMethodName ? <p className="text-sm">{order.totals.shippingMethodName}</p> : null}
        </section>
      ) : null}

      <p>
        <Link to="/shop" className="text-brand-700 underline">
          {t("order.continueShopping")}
        </Link>
      </p>
    </div>
  );
}
