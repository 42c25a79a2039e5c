// Reading products for the admin: the filtered, paged list and one product with everything its
// edit page shows (variants with stock, categories, images with their widths, the digital file).
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/infra/db.server";

export const PRODUCT_PAGE_SIZE = 25;
export const PRODUCT_SORTS = ["updated", "title", "price"] as const;
export type ProductListQuery = {
  q: string;
  status: "" | "draft" | "active" | "archived";
  categoryId: string;
  sort: (typeof PRODUCT_SORTS)[number];
  page: number;
};

export function parseProductListQuery(params: URLSearchParams): ProductListQuery {
  const status = params.get("status") ?? "";
  const sort = params.get("sort") ?? "updated";
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    q: (params.get("q") ?? "").trim().slice(0, 100),
    status: status === "draft" || status === "active" || status === "archived" ? status : "",
    categoryId: (params.get("category") ?? "").slice(0, 40),
    sort: (PRODUCT_SORTS as readonly string[]).includes(sort) ? (sort as ProductListQuery["sort"]) : "updated",
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  };
}

export async function listProductsForAdmin(query: ProductListQuery) {
  const where: Prisma.ProductWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.categoryId ? { categories: { some: { categoryId: query.categoryId } } } : {}),
    ...(query.q
      ? {
          OR: [
            { title: { contains: query.q, mode: "insensitive" } },
            { slug: { contains: query.q.toLowerCase() } },
            { variants: { some: { sku: { contains: query.q, mode: "insensitive" } } } },
          ],
        }
      : {}),
  };
  const orderBy: Prisma.ProductOrderByWithRelationInput[] =
    query.sort === "title"
      ? [{ title: "asc" }, { id: "asc" }]
      : query.sort === "price"
        ? [{ minPrice: "asc" }, { id: "asc" }]
        : [{ updatedAt: "desc" }, { id: "asc" }];
  const total = await prisma.product.count({ where });
  const page = Math.min(query.page, Math.max(1, Math.ceil(total / PRODUCT_PAGE_SIZE)));
  const rows = await prisma.product.findMany({
    where,
    orderBy,
    skip: (page - 1) * PRODUCT_PAGE_SIZE,
    take: PRODUCT_PAGE_SIZE,
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      kind: true,
      minPrice: true,
      updatedAt: true,
      _count: { select: { variants: true } },
      variants: { select: { trackInventory: true, stockOnHand: true, stockReserved: true } },
    },
  });
  const items = rows.map(({ variants, _count, ...p }) => {
    const tracked = variants.filter((v) => v.trackInventory);
    return {
      ...p,
      variantCount: _count.variants,
      sellable: tracked.length === variants.length ? tracked.reduce((sum, v) => sum + v.stockOnHand - v.stockReserved, 0) : null,
    };
  });
  return { items, total, page, pageSize: PRODUCT_PAGE_SIZE };
}

export async function getProductForAdmin(id: string) {
  return prisma.product.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      kind: true,
      descriptionHtml: true,
      seoTitle: true,
      seoDescription: true,
      taxable: true,
      optionNames: true,
      minPrice: true,
      publishedAt: true,
      updatedAt: true,
      categories: { select: { categoryId: true } },
      variants: {
        orderBy: { position: "asc" },
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
          weightGrams: true,
          imageId: true,
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
      digitalAsset: { select: { fileName: true, byteSize: true, contentType: true, sha256: true, createdAt: true } },
      _count: { select: { images: true } },
    },
  });
}
