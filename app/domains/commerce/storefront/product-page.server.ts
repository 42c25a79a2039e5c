// The product page's data: an active product with its variants, images (with the widths of their
// renditions), categories and approved reviews. Read through the cache in two steps: the slug's
// product id (CATALOGUE_TAG, so a renamed slug stops resolving) and the page data (productTag(id),
// which the catalogue, stock and review moderation invalidate). A constant number of queries.
import { prisma } from "~/infra/db.server";
import { getCache } from "~/infra/cache.server";
import { sanitizeHtml } from "~/infra/sanitize.server";
import { getShopSettings } from "../shop-settings.server";
import { CATALOGUE_TAG, productTag } from "../cache-tags";
import type { ImageRef } from "./images";

export const PRODUCT_TTL_SECONDS = 120;
export const REVIEWS_ON_PAGE = 50;

export type ProductPageVariant = {
  id: string;
  sku: string;
  title: string;
  optionValues: string[];
  price: number;
  compareAtPrice: number | null;
  trackInventory: boolean;
  stockOnHand: number;
  stockReserved: number;
  imageId: string | null;
  position: number;
};

export type PublicReview = { id: string; rating: number; title: string; body: string; author: string; createdAt: string };

export type ProductPageData = {
  id: string;
  slug: string;
  title: string;
  descriptionHtml: string;
  plainDescription: string;
  seoTitle: string | null;
  seoDescription: string | null;
  kind: "physical" | "digital";
  optionNames: string[];
  currency: string;
  lowStockThreshold: number;
  variants: ProductPageVariant[];
  images: ImageRef[];
  categories: Array<{ name: string; slug: string }>;
  rating: { average: number; count: number };
  reviews: PublicReview[];
};

/** What a stored slug can look like; anything else (a NUL byte PostgreSQL refuses, a huge string) is unknown. */
const SLUG = /^[\p{L}\p{N}_.~-]{1,200}$/u;

export async function loadProductPage(slug: string): Promise<ProductPageData | null> {
  if (!SLUG.test(slug)) return null;
  const cache = getCache();
  const id = await cache.wrap(`storefront:slug:v1:${slug}`, { ttlSeconds: 600, tags: [CATALOGUE_TAG] }, async () => {
    const row = await prisma.product.findFirst({ where: { slug, status: "active" }, select: { id: true } });
    return row?.id ?? "";
  });
  if (!id) return null;
  return cache.wrap(`storefront:product:v1:${id}`, { ttlSeconds: PRODUCT_TTL_SECONDS, tags: [productTag(id)] }, () =>
    computeProductPage(id),
  );
}

async function computeProductPage(id: string): Promise<ProductPageData | null> {
  const [product, settings, aggregate, reviews] = await Promise.all([
    prisma.product.findFirst({
      where: { id, status: "active" },
      select: {
        id: true,
        slug: true,
        title: true,
        descriptionHtml: true,
        seoTitle: true,
        seoDescription: true,
        kind: true,
        optionNames: true,
        variants: {
          orderBy: [{ position: "asc" }, { createdAt: "asc" }],
          select: {
            id: true,
            sku: true,
            title: true,
            optionValues: true,
            price: true,
            compareAtPrice: true,
            trackInventory: true,
            stockOnHand: true,
            stockReserved: true,
            imageId: true,
            position: true,
          },
        },
        images: {
          orderBy: [{ position: "asc" }, { createdAt: "asc" }],
          select: {
            id: true,
            alt: true,
            width: true,
            height: true,
            renditions: { select: { width: true }, orderBy: { width: "asc" } },
          },
        },
        categories: { select: { category: { select: { name: true, slug: true } } } },
      },
    }),
    getShopSettings(),
    prisma.productReview.aggregate({ where: { productId: id, status: "approved" }, _avg: { rating: true }, _count: true }),
    prisma.productReview.findMany({
      where: { productId: id, status: "approved" },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: REVIEWS_ON_PAGE,
      select: { id: true, rating: true, title: true, body: true, createdAt: true, user: { select: { name: true } } },
    }),
  ]);
  if (!product) return null;
  const descriptionHtml = sanitizeHtml(product.descriptionHtml);
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    descriptionHtml,
    plainDescription: plainText(descriptionHtml),
    seoTitle: product.seoTitle,
    seoDescription: product.seoDescription,
    kind: product.kind,
    optionNames: product.optionNames,
    currency: settings.currency,
    lowStockThreshold: settings.lowStockThreshold,
    variants: product.variants,
    images: product.images
      .filter((image) => image.renditions.length > 0)
      .map((image) => ({
        id: image.id,
        alt: image.alt,
        width: image.width,
        height: image.height,
        widths: image.renditions.map((r) => r.width),
      })),
    categories: product.categories.map((link) => link.category).sort((a, b) => a.name.localeCompare(b.name)),
    rating: { average: aggregate._avg.rating ?? 0, count: aggregate._count },
    reviews: reviews.map((review) => ({
      id: review.id,
      rating: review.rating,
      title: review.title,
      body: review.body,
      author: publicName(review.user.name),
      createdAt: review.createdAt.toISOString(),
    })),
  };
}

/** "Ada Lovelace" → "Ada L.": reviews show who wrote them without publishing full names. */
export function publicName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return "";
  if (parts.length === 1) return parts[0]!;
  return `${parts[0]} ${parts[parts.length - 1]!.charAt(0).toUpperCase()}.`;
}

export function plainText(html: string): string {
  return html
    .replace(/<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|blockquote|section|article|table|hr)\b[^>]*>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
