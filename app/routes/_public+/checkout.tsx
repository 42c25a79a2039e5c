// /checkout — POST intent=start (the cart's "Checkout" button) reserves the cart's stock and opens
// the checkout; GET shows step 1, contact and address (prefilled for signed-in customers), and
// POST intent=contact saves it. Plain forms: everything works without JavaScript.
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
import { InputField, SelectField } from "~/components/ui/field";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { readCartId } from "~/domains/commerce/cart/cart.server";
import { DigitalContactSchema, ShippingContactSchema } from "~/domains/commerce/checkout/contact-schema";
import { saveContact } from "~/domains/commerce/checkout/current.server";
import { startCheckout } from "~/domains/commerce/checkout/start.server";
import { isDomainError } from "~/domains/errors";
import { getOptionalUser } from "~/domains/identity/guards.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";
import { checkoutT, countryOptions, requireCheckout, translateResult } from "./checkout-helpers.server";

// Per-visitor pages: never stored by a shared cache (the loader says `private, no-store`).
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const handle = { i18n: ["checkout"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title ?? "Verso" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { checkout, requiresShipping, user } = await requireCheckout(request);
  const [t, locale] = await Promise.all([checkoutT(request), i18n.getLocale(request)]);
  return data(
    {
      title: `${t("contact.title")} · ${t("title")}`,
      requiresShipping,
      signedInEmail: user?.email ?? null,
      expiresAt: checkout.expiresAt.toISOString(),
      reservationExpired: checkout.status === "expired" || checkout.expiresAt.getTime() <= Date.now(),
      countries: countryOptions(locale),
      defaults: {
        email: checkout.email ?? user?.email ?? "",
        phone: checkout.phone ?? "",
        name: checkout.shipName ?? user?.name ?? "",
        line1: checkout.shipLine1 ?? "",
        line2: checkout.shipLine2 ?? "",
        city: checkout.shipCity ?? "",
        region: checkout.shipRegion ?? "",
        postalCode: checkout.shipPostalCode ?? "",
        country: checkout.shipCountry ?? "",
      },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

async function start(request: Request) {
  const t = await checkoutT(request);
  const cartId = await readCartId(request);
  if (!cartId) return redirectWithToast(request, "/cart", { kind: "error", message: t("start.empty") });
  const user = await getOptionalUser(request);
  try {
    await startCheckout({ cartId, user: user ? { id: user.id, email: user.email } : null });
  } catch (error) {
    if (isDomainError(error, "out_of_stock")) {
      const { title, available } = error.details as { title: string; available: number };
      return redirectWithToast(request, "/cart", {
        kind: "error",
        message: t("start.outOfStock", { title, count: available }),
      });
    }
    if (isDomainError(error, "unavailable")) {
      const { title } = error.details as { title: string };
      return redirectWithToast(request, "/cart", { kind: "error", message: t("start.unavailable", { title }) });
    }
    if (isDomainError(error, "empty_cart")) {
      return redirectWithToast(request, "/cart", { kind: "error", message: t("start.empty") });
    }
    throw error;
  }
  return redirect("/checkout", 303);
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await parseFormWithCsrf(request);
  if (formData.get("intent") === "start") return start(request);

  const { checkout, requiresShipping } = await requireCheckout(request);
  const t = await checkoutT(request);
  const schema = requiresShipping ? ShippingContactSchema : DigitalContactSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data({ result: translateResult(submission.reply(), t) }, { status: 400 });
  }
  await saveContact(checkout.id, submission.value, requiresShipping);
  return redirect(requiresShipping ? "/checkout/shipping" : "/checkout/review", 303);
}

export default function CheckoutContactPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("checkout");
  const { requiresShipping, defaults, countries } = loaderData;
  const schema = requiresShipping ? ShippingContactSchema : DigitalContactSchema;
  const [form, fields] = useValidatedForm({
    id: "checkout-contact",
    schema,
    lastResult: actionData && "result" in actionData ? actionData.result : null,
    defaultValue: defaults,
  });
  const allFields = fields as unknown as Record<keyof typeof defaults, (typeof fields)["email"]>;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("contact.title")}</h1>
      <CheckoutSteps current="contact" skipShipping={!requiresShipping} />
      <ReservationNotice expiresAt={loaderData.expiresAt} expired={loaderData.reservationExpired} />
      <Form method="post" {...getFormProps(form)} className="space-y-6 rounded-lg border border-slate-200 bg-white p-6">
        <AuthenticityTokenInput />
        <input type="hidden" name="intent" value="contact" />
        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">{t("contact.contactLegend")}</legend>
          {loaderData.signedInEmail ? (
            <p className="text-sm text-slate-700">{t("contact.signedInAs", { email: loaderData.signedInEmail })}</p>
          ) : null}
          <InputField
            meta={allFields.email}
            type="email"
            label={t("contact.email")}
            description={t("contact.emailHelp")}
            autoComplete="email"
          />
          <InputField meta={allFields.phone} type="tel" label={t("contact.phone")} autoComplete="tel" />
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">
            {requiresShipping ? t("contact.addressLegend") : t("contact.countryLegend")}
          </legend>
          {requiresShipping ? (
            <>
              <InputField meta={allFields.name} label={t("contact.name")} autoComplete="name" />
              <InputField meta={allFields.line1} label={t("contact.line1")} autoComplete="address-line1" />
              <InputField meta={allFields.line2} label={t("contact.line2")} autoComplete="address-line2" />
              <div className="grid gap-4 sm:grid-cols-2">
                <InputField meta={allFields.city} label={t("contact.city")} autoComplete="address-level2" />
                <InputField meta={allFields.postalCode} label={t("contact.postalCode")} autoComplete="postal-code" />
              </div>
            </>
          ) : (
            <>
              <p className="text-sm text-slate-700">{t("contact.digitalNote")}</p>
              <InputField meta={allFields.name} label={t("contact.nameOptional")} autoComplete="name" />
            </>
          )}
          <InputField
            meta={allFields.region}
            label={t("contact.region")}
            description={t("contact.regionHelp")}
            autoComplete="address-level1"
          />
          <SelectField
            meta={allFields.country}
            label={t("contact.country")}
            options={[{ value: "", label: t("contact.countryPlaceholder") }, ...countries]}
          />
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pendingLabel={t("contact.saving")}>
            {requiresShipping ? t("contact.continue") : t("contact.continueReview")}
          </SubmitButton>
          <Link to="/cart" className="text-brand-700 underline">
            {t("review.editCart")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
