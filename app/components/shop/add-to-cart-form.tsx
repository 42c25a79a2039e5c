// Add to cart: a plain POST to /cart (intent=add, variantId, quantity). On an anonymous, shared
// page there is no CSRF token (the cart checks the Origin); when the visitor has one it is sent.
// Out of stock or an unavailable combination: the button is disabled and the reason shown.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { useRootData } from "~/root";

export function AddToCartForm({
  variantId,
  maxQuantity,
  refusal,
}: {
  variantId: string;
  maxQuantity: number;
  /** Why the variant cannot be bought now (out of stock, unavailable); null when it can. */
  refusal: string | null;
}) {
  const { t } = useTranslation("shop");
  const token = useRootData()?.csrfToken;
  return (
    <Form
      method="post"
      action="/cart"
      className="flex flex-wrap items-end gap-3"
      aria-describedby={refusal ? "add-refusal" : undefined}
    >
      {token ? <input type="hidden" name="csrf" value={token} /> : null}
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="variantId" value={variantId} />
      <div className="space-y-1">
        <label htmlFor="quantity" className="block text-sm font-medium">
          {t("product.quantity")}
        </label>
        <input
          id="quantity"
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={maxQuantity}
          step={1}
          defaultValue={1}
          required
          disabled={refusal !== null}
          className="block w-24 rounded-md border border-slate-400 bg-white px-3 py-2"
        />
      </div>
      <Button disabled={refusal !== null}>{t("product.addToCart")}</Button>
      {refusal ? (
        <p id="add-refusal" className="w-full font-medium text-red-800" role="status">
          {refusal}
        </p>
      ) : null}
    </Form>
  );
}
