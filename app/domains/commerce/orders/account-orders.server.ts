// A customer's own orders: the paged history and one order with what the account page shows —
// items with their product's page (for "write a review" once delivered), download links for paid
// digital items (signed by order-links), tracking and refunds. Only the owner's orders are found.
import { clampPage } from "~/domains/platform/list-query";
import { prisma } from "~/infra/db.server";
import { downloadPath } from "./order-links.server";

export const ACCOUNT_ORDER_PAGE_SIZE = 20;

export async function listCustomerOrders(userId: string, requestedPage: number) {
  const where = { userId };
  const total = await prisma.order.count({ where });
  const page = clampPage(requestedPage, total, ACCOUNT_ORDER_PAGE_SIZE);
  const orders = await prisma.order.findMany({
    where,
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * ACCOUNT_ORDER_PAGE_SIZE,
    take: ACCOUNT_ORDER_PAGE_SIZE,
    select: {
      id: true,
      number: true,
      status: true,
      currency: true,
      grandTotal: true,
      refundedTotal: true,
      placedAt: true,
      items: { select: { quantity: true } },
    },
  });
  return {
    total,
    page,
    pageSize: ACCOUNT_ORDER_PAGE_SIZE,
    orders: orders.map(({ items, ...order }) => ({ ...order, units: items.reduce((sum, item) => sum + item.quantity, 0) })),
  };
}

const REVIEWABLE = new Set(["delivered"]);
const DOWNLOADABLE = new Set(["paid", "fulfilled", "delivered", "partially_refunded"]);

/** The owner's order by number, or null (someone else's order is "not found", not "forbidden"). */
export async function getCustomerOrder(userId: string, number: string, now = new Date()) {
  const order = await prisma.order.findFirst({
    where: { userId, number },
    include: {
      items: { orderBy: { id: "asc" }, include: { downloads: { orderBy: { createdAt: "asc" } } } },
      refunds: { where: { status: { not: "failed" }, completedAt: { not: null } }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!order) return null;
  const productIds = [...new Set(order.items.map((item) => item.productId).filter((id): id is string => id !== null))];
  const products = await prisma.product.findMany({
    where: { id: { in: productIds }, status: "active" },
    select: { id: true, slug: true },
  });
  const slugOf = new Map(products.map((product) => [product.id, product.slug]));
  const reviewed = new Set(
    (
      await prisma.productReview.findMany({
        where: { userId, productId: { in: productIds } },
        select: { productId: true },
      })
    ).map((review) => review.productId),
  );
  const canDownload = DOWNLOADABLE.has(order.status);
  // Staff-only and payment-provider fields stay on the server (the loader's data is in the page).
  const {
    cancelReason: _cancelReason,
    checkoutId: _checkoutId,
    stripeCheckoutSessionId: _stripeCheckoutSessionId,
    stripePaymentIntentId: _stripePaymentIntentId,
    ...visible
  } = order;
  return {
    ...visible,
    refunds: order.refunds.map((refund) => ({ id: refund.id, amount: refund.amount, createdAt: refund.createdAt })),
    items: order.items.map(({ downloads, ...item }) => {
      const slug = item.productId ? slugOf.get(item.productId) : undefined;
      return {
        ...item,
        productSlug: slug ?? null,
        reviewUrl:
          slug && REVIEWABLE.has(order.status) && item.productId && !reviewed.has(item.productId)
            ? `/shop/${slug}#reviews`
            : null,
        downloads: canDownload
          ? downloads.map((grant) => ({
              id: grant.id,
              remaining: Math.max(0, grant.maxDownloads - grant.downloadCount),
              expiresAt: grant.expiresAt,
              expired: grant.expiresAt <= now,
              usable: grant.downloadCount < grant.maxDownloads && grant.expiresAt > now,
              url: downloadPath(grant.id),
            }))
          : [],
      };
    }),
  };
}
