// /cart — the shopper's cart: lines with quantity forms, the discount code, gift cards, the totals
// before shipping and tax, and the Checkout button. POST /cart takes intent = add | update | remove |
// apply-discount | remove-discount | apply-gift-card | remove-gift-card (see cart-action.server).
// Every form is a plain POST: the cart works the same with JavaScript off.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { cartAction, type CartActionData } from "~/components/cart/cart-action.server";
import { DiscountCodeForm, GiftCardForms } from "~/components/cart/cart-codes";
import { CartLineRow } from "~/components/cart/cart-line-row";
import { CartSummary } from "~/components/cart/cart-summary";
import { loadCartView } from "~/components/cart/cart-view.server";
import { FormError } from "~/components/ui/form-error";
import { Table } from "~/components/ui/table";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["cart", "commerce"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: `${loaderData?.title ?? "Cart"} · Verso` },
  { name: "robots", content: "noindex" },
];

const PRIVATE = { "Cache-Control": "private, no-store" };

export async function loader({ request }: LoaderFunctionArgs) {
  const [view, t] = await Promise.all([loadCartView(request), i18n.getFixedT(request, "cart")]);
  return data({ title: t("title"), view }, { headers: PRIVATE });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return cartAction(request, context.clientIp);
}

export function headers() {
  return PRIVATE;
}

export default function CartPage() {
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<CartActionData>();
  const { t } = useTranslation("cart");
  const lineResult = (id: string) => (actionData?.form === "line" && actionData.itemId === id ? actionData.result : null);
  const hasLines = (view?.lines.length ?? 0) > 0;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      {actionData?.form === "add" ? (
        <div className="space-y-2">
          <FormError errors={[actionData.error]} id="add-error" />
          {actionData.backTo ? (
            <Link to={actionData.backTo} className="text-brand-700 underline">
              {t("errors.backToProduct")}
            </Link>
          ) : null}
        </div>
      ) : null}
      {actionData?.form === "page" ? <FormError errors={[actionData.error]} /> : null}
      {!view || !hasLines ? (
        <div className="space-y-3">
          <p data-testid="cart-empty">{t("empty")}</p>
          <Link to="/shop" className="text-brand-700 underline">
            {t("continueShopping")}
          </Link>
        </div>
      ) : (
        <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
          <div className="space-y-8">
            <Table
              caption={t("table.caption")}
              captionHidden
              columns={[
                { key: "item", label: t("table.item") },
                { key: "price", label: t("table.price"), align: "right" },
                { key: "quantity", label: t("table.quantity") },
                { key: "total", label: t("table.total"), align: "right" },
                { key: "actions", label: <span className="sr-only">{t("table.actions")}</span> },
              ]}
            >
              {view.lines.map((line) => (
                <CartLineRow
                  key={line.id}
                  line={line}
                  currency={view.currency}
                  lowStockThreshold={view.lowStockThreshold}
                  lastResult={lineResult(line.id)}
                />
              ))}
            </Table>
            <div className="grid gap-8 md:grid-cols-2">
              <DiscountCodeForm view={view} lastResult={actionData?.form === "discount" ? actionData.result : null} />
              <GiftCardForms view={view} lastResult={actionData?.form === "gift-card" ? actionData.result : null} />
            </div>
            <Link to="/shop" className="inline-block text-brand-700 underline">
              {t("continueShopping")}
            </Link>
          </div>
          <CartSummary view={view} />
        </div>
      )}
    </div>
  );
}
