// Shared by the orders integration tests: a shop with stock, orders in any status (optionally paid
// partly by a gift card with its real ledger entry), and what the order left behind (webhook
// events, e-mails, audit rows).
import { commitOrderStock } from "~/domains/commerce/checkout/stock.server";
import { prisma } from "~/infra/db.server";
import { createGiftCard, createOrder, createProduct } from "../factories/commerce";
import { createUser } from "../factories/users";

export async function createStaff() {
  const admin = await createUser({ email: "boss@example.com", name: "Zoe Boss", roles: ["admin"] });
  const commercial = await createUser({ email: "sales@example.com", name: "Sam Sales", roles: ["commercial"] });
  const customer = await createUser({ email: "ada@example.com", name: "Ada Buyer", roles: ["user"] });
  return { adminId: admin.id, commercialId: commercial.id, customerId: customer.id };
}

/** A $20.00 product with `stock` on hand; returns its variant id. */
export async function stockedVariant(stock = 10, price = 2000) {
  const product = await createProduct({ variants: [{ price, stock }] });
  return { productId: product.id, productSlug: product.slug, variantId: product.variants[0].id };
}

/**
 * A paid order of `quantity` × the variant; `giftCard` pays that much of it through a real card
 * (redeem ledger entry), the rest is card/offline money (amountDue).
 */
export async function paidOrder({
  variantId,
  quantity = 2,
  paymentMethod = "offline",
  status = "paid",
  giftCard = 0,
  userId = null,
  stripePaymentIntentId = null,
}: {
  variantId: string;
  quantity?: number;
  paymentMethod?: "offline" | "stripe" | "gift_card";
  status?: "paid" | "fulfilled" | "delivered" | "pending_payment";
  giftCard?: number;
  userId?: string | null;
  stripePaymentIntentId?: string | null;
}) {
  const order = await createOrder({ userId, status, paymentMethod, items: [{ variantId, quantity }], giftCardTotal: giftCard });
  let giftCardId: string | null = null;
  if (giftCard > 0) {
    const card = await createGiftCard({ balance: giftCard + 1000 });
    giftCardId = card.id;
    await prisma.giftCard.update({ where: { id: card.id }, data: { balance: 1000 } });
    await prisma.giftCardEntry.create({
      data: { giftCardId: card.id, kind: "redeem", amount: -giftCard, balanceAfter: 1000, orderId: order.id },
    });
  }
  if (stripePaymentIntentId) {
    await prisma.order.update({ where: { id: order.id }, data: { stripePaymentIntentId } });
  }
  // Paid orders have their stock taken off the shelf, as checkout leaves them (sold adjustment rows).
  if (status !== "pending_payment") {
    await prisma.$transaction((tx) => commitOrderStock(tx, order));
  }
  return { order, giftCardId };
}

export async function webhookEventTypes(): Promise<string[]> {
  const rows = await prisma.outboxEvent.findMany({ where: { name: "webhook_dispatch" }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => String((row.payload as { type?: string }).type));
}

export async function emailsTo(to: string, template?: string) {
  return prisma.emailMessage.findMany({ where: { to, ...(template ? { template } : {}) }, orderBy: { createdAt: "asc" } });
}

export async function auditActions(orderId: string): Promise<string[]> {
  const rows = await prisma.auditLog.findMany({ where: { entityId: orderId }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => row.action);
}
