// The schema.org `Product` a search engine reads from the product page: one Offer per variant with
// the price as a decimal string, the currency and the availability; the rating once reviews exist.
import { decimalAmount } from "~/domains/commerce/orders/money-text";

export type JsonLdInput = {
  url: string;
  title: string;
  description: string;
  imageUrls: string[];
  currency: string;
  variants: Array<{ sku: string; title: string; price: number; inStock: boolean; url: string }>;
  rating: { average: number; count: number } | null;
};

export function productJsonLd(input: JsonLdInput): Record<string, unknown> {
  const offers = input.variants.map((variant) => ({
    "@type": "Offer",
    sku: variant.sku,
    name: variant.title || input.title,
    url: variant.url,
    price: decimalAmount(variant.price, input.currency),
    priceCurrency: input.currency,
    availability: variant.inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
    itemCondition: "https://schema.org/NewCondition",
  }));
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: input.title,
    url: input.url,
    ...(input.description ? { description: input.description } : {}),
    ...(input.imageUrls.length ? { image: input.imageUrls } : {}),
    ...(input.variants[0] ? { sku: input.variants[0].sku } : {}),
    offers: offers.length === 1 ? offers[0] : offers,
    ...(input.rating && input.rating.count > 0
      ? {
          aggregateRating: {
            "@type": "AggregateRating",
            ratingValue: input.rating.average.toFixed(1),
            reviewCount: input.rating.count,
            bestRating: "5",
            worstRating: "1",
          },
        }
      : {}),
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so no text can close the script. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
