// What the confirmation / status page shows of an order, and who may see it: the customer who
// placed it while signed in, or anyone holding the signed key from the e-mail (guests).
import { prisma } from "~/infra/db.server";
import { getShopSettings } from "../shop-settings.server";
import { downloadPath, verifyOrderAccessKey } from "./order-links.server";

export async function getOrderForViewer({ number, userId, key }: { number: string; userId: string | null; key: string | null }) {
  const order = await prisma.order.findUnique({
    where: { number },
    include: {
      items: {
        orderBy: { id: "asc" },
        include: { downloads: { orderBy: { createdAt: "asc" } } },
      },
      checkout: { select: { expiresAt: true } },
    },
  });
  if (!order) return null;
  const owner = userId !== null && order.userId === userId;
  if (!owner && !verifyOrderAccessKey(order.id, key)) return null;
  const settings = await getShopSettings();
  const paid = ["paid", "fulfilled", "delivered", "partially_refunded"].includes(order.status);
  const now = Date.now();
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    paymentMethod: order.paymentMethod,
    email: order.email,
    currency: order.currency,
    placedAt: order.placedAt,
    paidAt: order.paidAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    totals: {
      merchandiseSubtotal: order.merchandiseSubtotal,
      discountTotal: order.discountTotal,
      discountCode: order.discountCode,
      shippingTotal: order.shippingTotal,
      shippingMethodName: order.shippingMethodName,
      taxTotal: order.taxTotal,
      giftCardTotal: order.giftCardTotal,
      grandTotal: order.grandTotal,
      amountDue: order.amountDue,
      refundedTotal: order.refundedTotal,
    },
    address: order.shipLine1
      ? {
          name: order.shipName,
          line1: order.shipLine1,
          line2: order.shipLine2,
          city: order.shipCity,
          region: order.shipRegion,
          postalCode: order.shipPostalCode,
          country: order.shipCountry,
        }
      : null,
    paymentInstructions:
      order.status === "pending_payment" && order.paymentMethod === "offline" ? settings.offlineInstructions : null,
    /** A Stripe order still waiting whose reservation holds: it can be paid again. */
    canRetryPayment:
      order.status === "pending_payment" &&
      order.paymentMethod === "stripe" &&
      order.checkout !== null &&
      order.checkout.expiresAt.getTime() > now,
    paymentDeadline: order.checkout?.expiresAt ?? null,
    items: order.items.map((item) => ({
      id: item.id,
      title: item.title,
      variantTitle: item.variantTitle,
      sku: item.sku,
      unitPrice: item.unitPrice,
      quantity: item.quantity,
      lineTotal: item.lineTotal,
      isDigital: item.isDigital,
      downloads: paid
        ? item.downloads.map((grant) => ({
            id: grant.id,
            href: downloadPath(grant.id),
            remaining: Math.max(0, grant.maxDownloads - grant.downloadCount),
            expiresAt: grant.expiresAt,
            usable: grant.downloadCount < grant.maxDownloads && grant.expiresAt.getTime() > now,
          }))
        : [],
    })),
  };
}

export type OrderView = NonNullable<Awaited<ReturnType<typeof getOrderForViewer>>>;
