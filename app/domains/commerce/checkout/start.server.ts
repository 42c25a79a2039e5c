// POST /checkout intent=start: one transaction creates the Checkout for the cart and reserves every
// tracked line until now + ShopSettings.reservationMinutes. A cart's earlier open checkout is
// released and replaced (the customer went back to the cart). If one line cannot be reserved the
// transaction rolls back: nothing stays reserved and the error names the item and what is left.
import { prisma } from "~/infra/db.server";
import type { Tx } from "~/infra/db.server";
import { getShopSettings } from "../shop-settings.server";
import { cartReserveLines } from "./lines.server";
import { releaseReservations, reserveStock } from "./stock.server";

const MINUTE_MS = 60_000;

type Contact = {
  email: string | null;
  shipName: string | null;
  shipLine1: string | null;
  shipLine2: string | null;
  shipCity: string | null;
  shipRegion: string | null;
  shipPostalCode: string | null;
  shipCountry: string | null;
  phone: string | null;
};

/** What a new checkout starts with: the previous checkout's answers, else the customer's last order. */
async function prefill(tx: Tx, previous: Partial<Contact> | null, user: { id: string; email: string } | null): Promise<Contact> {
  const empty: Contact = {
    email: null,
    shipName: null,
    shipLine1: null,
    shipLine2: null,
    shipCity: null,
    shipRegion: null,
    shipPostalCode: null,
    shipCountry: null,
    phone: null,
  };
  if (previous?.email) return { ...empty, ...previous };
  if (!user) return empty;
  const last = await tx.order.findFirst({
    where: { userId: user.id, shipLine1: { not: null } },
    orderBy: { placedAt: "desc" },
    select: {
      shipName: true,
      shipLine1: true,
      shipLine2: true,
      shipCity: true,
      shipRegion: true,
      shipPostalCode: true,
      shipCountry: true,
      phone: true,
    },
  });
  return { ...empty, ...(last ?? {}), email: user.email };
}

const CONTACT_FIELDS = {
  email: true,
  shipName: true,
  shipLine1: true,
  shipLine2: true,
  shipCity: true,
  shipRegion: true,
  shipPostalCode: true,
  shipCountry: true,
  phone: true,
  shippingMethodId: true,
} as const;

export async function startCheckout({
  cartId,
  user,
  now = new Date(),
}: {
  cartId: string;
  user: { id: string; email: string } | null;
  now?: Date;
}): Promise<{ checkoutId: string; expiresAt: Date }> {
  const settings = await getShopSettings();
  const expiresAt = new Date(now.getTime() + settings.reservationMinutes * MINUTE_MS);
  return prisma.$transaction(async (tx) => {
    // One start at a time per cart (a double click): the second waits and replaces the first.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`checkout-start:${cartId}`}))`;
    // The cart's unplaced checkouts, locked: an order being placed from one of them right now (it holds
    // the row lock) finishes first, and FOR UPDATE re-reads the status after the wait, so a checkout that
    // just became an order keeps its reservation (the order's stock) and its "placed" status.
    const open = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Checkout" WHERE "cartId" = ${cartId} AND "status" IN ('open', 'expired')
      ORDER BY "createdAt" DESC, "id" FOR UPDATE`;
    // Read after the locks: an order just placed emptied the cart.
    const lines = await cartReserveLines(tx, cartId);
    for (const checkout of open) {
      await releaseReservations(tx, checkout.id);
      await tx.checkout.updateMany({ where: { id: checkout.id, status: "open" }, data: { status: "expired" } });
    }
    // The answers of this cart's latest checkout (even one already placed: the same browser's next
    // order goes to the same address), else the signed-in customer's last order.
    const latest = await tx.checkout.findFirst({
      where: { cartId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: CONTACT_FIELDS,
    });
    const { shippingMethodId = null, ...previous } = latest ?? {};
    const contact = await prefill(tx, latest ? previous : null, user);
    const checkout = await tx.checkout.create({
      data: { cartId, userId: user?.id ?? null, expiresAt, ...contact, shippingMethodId },
      select: { id: true },
    });
    await reserveStock(tx, { checkoutId: checkout.id, lines, expiresAt });
    return { checkoutId: checkout.id, expiresAt };
  });
}
