// What the product form shows before anything is typed: a new product (one spare variant row) or
// an existing one (its values as text, prices in decimal, plus the spare row). Pure.
import { currencyExponent, type Money } from "~/utils/money";
import { OPTION_VALUE_SEPARATOR } from "./product-form";

/** 1999 USD → "19.99", 1999 JPY → "1999": what the price field is pre-filled with. */
export function amountText(minor: Money, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  return exponent > 0 ? `${whole}.${digits.slice(digits.length - exponent)}` : whole;
}

const SPARE_ROW = {
  sku: "",
  options: "",
  price: "",
  compareAtPrice: "",
  trackInventory: "on" as const,
  stockOnHand: "",
  weightGrams: "",
};

export function newProductDefaults() {
  return {
    title: "",
    slug: "",
    status: "draft",
    kind: "physical",
    descriptionHtml: "",
    seoTitle: "",
    seoDescription: "",
    taxable: "on" as const,
    optionNames: "",
    categoryIds: [] as string[],
    variants: [{ ...SPARE_ROW }],
  };
}

export function productDefaults(
  product: {
    title: string;
    slug: string;
    status: string;
    kind: string;
    descriptionHtml: string;
    seoTitle: string | null;
    seoDescription: string | null;
    taxable: boolean;
    optionNames: string[];
    categories: Array<{ categoryId: string }>;
    variants: Array<{
      id: string;
      sku: string;
      optionValues: string[];
      price: number;
      compareAtPrice: number | null;
      trackInventory: boolean;
      weightGrams: number | null;
    }>;
  },
  currency: string,
) {
  return {
    title: product.title,
    slug: product.slug,
    status: product.status,
    kind: product.kind,
    descriptionHtml: product.descriptionHtml,
    seoTitle: product.seoTitle ?? "",
    seoDescription: product.seoDescription ?? "",
    taxable: product.taxable ? ("on" as const) : undefined,
    optionNames: product.optionNames.join(", "),
    categoryIds: product.categories.map((c) => c.categoryId),
    variants: [
      ...product.variants.map((v) => ({
        id: v.id,
        sku: v.sku,
        options: v.optionValues.join(` ${OPTION_VALUE_SEPARATOR} `),
        price: amountText(v.price, currency),
        compareAtPrice: v.compareAtPrice === null ? "" : amountText(v.compareAtPrice, currency),
        trackInventory: v.trackInventory ? ("on" as const) : undefined,
        weightGrams: v.weightGrams === null ? "" : String(v.weightGrams),
      })),
      { ...SPARE_ROW },
    ],
  };
}
