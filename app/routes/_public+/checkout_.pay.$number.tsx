// /checkout/pay/<number> — paying a Stripe order again (the customer cancelled on Stripe's page, or
// the payment page could not be opened) while its reservation holds. Owner signed in, or the signed
// key from the order link. POST opens a new Stripe session and redirects to it (303).
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { FormError } from "~/components/ui/form-error";
import { orderPath } from "~/domains/commerce/orders/order-links.server";
import { getOrderForViewer } from "~/domains/commerce/orders/order-view.server";
import { createStripeCheckoutSession } from "~/domains/commerce/payments/stripe-checkout.server";
import { isDomainError } from "~/domains/errors";
import { getOptionalUser } from "~/domains/identity/guards.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { i18n } from "~/infra/i18n.server";
import { logger } from "~/infra/logger.server";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";
import { formatMoney } from "~/utils/money";
import { checkoutT } from "./checkout-helpers.server";

// Per-visitor pages: never stored by a shared cache (the loader says `private, no-store`).
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const handle = { i18n: ["checkout"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title ?? "Verso" }];

async function payableOrder(request: Request, number: string | undefined) {
  const user = await getOptionalUser(request);
  const key = new URL(request.url).searchParams.get("key");
  const order = number ? await getOrderForViewer({ number, userId: user?.id ?? null, key }) : null;
  if (!order) throw new Response("Not found", { status: 404 });
  if (!order.canRetryPayment) throw redirect(orderPath(order));
  return order;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const order = await payableOrder(request, params.number);
  const t = await checkoutT(request);
  return data(
    {
      title: `${t("pay.title", { number: order.number })} · ${t("title")}`,
      number: order.number,
      currency: order.currency,
      amountDue: order.totals.amountDue,
      deadline: order.paymentDeadline?.toISOString() ?? null,
      cancelled: new URL(request.url).searchParams.get("cancelled") === "1",
      orderHref: orderPath(order),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  await parseFormWithCsrf(request);
  const order = await payableOrder(request, params.number);
  const t = await checkoutT(request);
  const locale = await i18n.getLocale(request);
  try {
    const session = await createStripeCheckoutSession(
      {
        id: order.id,
        number: order.number,
        email: order.email,
        currency: order.currency,
        amountDue: order.totals.amountDue,
        locale,
        items: order.items.map((item) => ({ title: item.title, variantTitle: item.variantTitle, quantity: item.quantity })),
      },
      { expiresAt: order.paymentDeadline ?? new Date() },
    );
    return redirect(session.url, 303);
  } catch (error) {
    if (isDomainError(error, "order_not_payable")) return redirect(orderPath(order), 303);
    const message = isDomainError(error, "stripe_not_configured")
      ? t("pay.stripeUnavailable")
      : t("review.errors.paymentStartFailed");
    if (!isDomainError(error)) logger.warn({ err: error, orderId: order.id }, "stripe session for a payment retry failed");
    return data({ error: message }, { status: 502 });
  }
}

export default function PayOrderPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("checkout");
  const root = useRootData();
  const locale = root?.locale ?? "en";
  const amount = formatMoney(loaderData.amountDue, loaderData.currency, locale);
  const time = loaderData.deadline ? formatDateTime(loaderData.deadline, { locale, timeZone: root?.timeZone ?? "UTC" }) : "";
  const error = actionData && "error" in actionData ? actionData.error : null;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("pay.title", { number: loaderData.number })}</h1>
      {loaderData.cancelled ? (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">
          {t("pay.cancelled", { time })}
        </p>
      ) : null}
      {error ? <FormError errors={[error]} /> : null}
      <p>{t("pay.intro", { number: loaderData.number, amount })}</p>
      {time ? <p className="text-sm text-slate-700">{t("pay.deadline", { time })}</p> : null}
      <Form method="post" className="flex flex-wrap items-center gap-4">
        <AuthenticityTokenInput />
        <SubmitButton name="intent" value="pay">
          {t("pay.button", { amount })}
        </SubmitButton>
        <Link to={loaderData.orderHref} className="text-brand-700 underline">
          {t("pay.viewOrder")}
        </Link>
      </Form>
    </div>
  );
}
