// The order confirmation e-mail, queued through the outbox in the transaction that places or pays
// the order: "we got your order, here is how to pay" (offline) or "payment received" (paid). Guests
// get the signed order link, so the e-mail alone opens the order page.
import type { Tx } from "~/infra/db.server";
import { queueTemplateEmail } from "~/domains/platform/email/send-template.server";
import { getShopSettings } from "../shop-settings.server";
import { orderUrl } from "./order-links.server";

export type ConfirmationKind = "awaiting_payment" | "paid";

export async function queueOrderConfirmation(tx: Tx, orderId: string, kind: ConfirmationKind): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { items: { orderBy: { id: "asc" } } },
  });
  const settings = await getShopSettings(tx);
  const address = order.shipLine1
    ? [
        order.shipName,
        order.shipLine1,
        order.shipLine2,
        [order.shipPostalCode, order.shipCity].filter(Boolean).join(" "),
        [order.shipRegion, order.shipCountry].filter(Boolean).join(", "),
      ].filter((line): line is string => Boolean(line && line.trim()))
    : null;
  await queueTemplateEmail(tx, {
    to: order.email,
    locale: order.locale,
    template: "order-confirmation",
    props: {
      orderNumber: order.number,
      kind,
      currency: order.currency,
      items: order.items.map((item) => ({
        title: item.title,
        variantTitle: item.variantTitle,
        quantity: item.quantity,
        lineTotal: item.lineTotal,
      })),
      merchandiseSubtotal: order.merchandiseSubtotal,
      discountTotal: order.discountTotal,
      shippingTotal: order.shippingTotal,
      taxTotal: order.taxTotal,
      giftCardTotal: order.giftCardTotal,
      grandTotal: order.grandTotal,
      amountDue: order.amountDue,
      shippingAddress: address,
      paymentInstructions: kind === "awaiting_payment" && order.paymentMethod === "offline" ? settings.offlineInstructions : null,
      hasDownloads: kind === "paid" && order.items.some((item) => item.isDigital),
      orderUrl: orderUrl(order),
    },
  });
}
