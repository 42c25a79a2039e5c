// Discount codes (one per cart: a new one replaces the old) and gift cards (up to MAX_GIFT_CARDS) on
// a cart. A code is checked against the cart when it is applied:
//   - unknown (no such active code/card) → refused, nothing stored;
//   - a reason that will not change by itself or by changing the cart (expired, used up, the
//     customer's uses spent, a card with nothing left) → refused with that reason, nothing stored;
//   - a reason the cart can fix (a minimum order, no eligible item, not started yet) → stored, and
//     the cart page shows the reason next to the code (checkout refuses while it stands).
// Refusals throw DomainError: discount_unknown, gift_card_unknown, gift_card_duplicate,
// gift_card_limit, code_refused { source, code, reason, minimum? }.
import { DomainError } from "~/domains/errors";
import type { Tx } from "~/infra/db.server";
import { prisma } from "~/infra/db.server";
import { loadDiscount, normaliseDiscountCode } from "../discounts/redemption.server";
import { loadGiftCards, normaliseGiftCardCode } from "../gift-cards/ledger.server";
import { priceCart } from "../pricing.server";
import type { Refusal, RefusalReason } from "../refusals";
import { MAX_GIFT_CARDS } from "./cart-forms";

export { MAX_GIFT_CARDS } from "./cart-forms";

const FINAL_REASONS: ReadonlySet<RefusalReason> = new Set([
  "expired",
  "usage_limit_reached",
  "customer_limit_reached",
  "no_remaining_balance",
  "gift_card_expired",
]);

async function lockCart(tx: Tx, cartId: string): Promise<{ discountCode: string | null; giftCardCodes: string[] }> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Cart" WHERE "id" = ${cartId} FOR UPDATE`;
  if (rows.length === 0) throw new DomainError("not_found", "The cart no longer exists.");
  return tx.cart.findUniqueOrThrow({ where: { id: cartId }, select: { discountCode: true, giftCardCodes: true } });
}

function refused(refusal: Refusal): DomainError {
  return new DomainError("code_refused", `The code ${refusal.code} cannot be used: ${refusal.reason}.`, { ...refusal });
}

/** Applies (or replaces) the cart's discount code; returns the stored code and, if it does not apply yet, why. */
export async function applyDiscountCode(
  cartId: string,
  text: string,
  { customerKey = null, now = new Date() }: { customerKey?: string | null; now?: Date } = {},
): Promise<{ code: string; pending: Refusal | null }> {
  const code = normaliseDiscountCode(text);
  const loaded = code ? await loadDiscount(code, customerKey) : ({ unknown: true } as const);
  if ("unknown" in loaded) throw new DomainError("discount_unknown", `No discount code ${code}.`, { code });
  return prisma.$transaction(async (tx) => {
    await lockCart(tx, cartId);
    await tx.cart.update({ where: { id: cartId }, data: { discountCode: loaded.code } });
    const priced = await priceCart({ cartId, ...(customerKey ? { customerKey } : {}), now }, tx);
    const refusal = priced.totals.refusals.find((r) => r.source === "discount" && r.code === loaded.code);
    if (refusal && FINAL_REASONS.has(refusal.reason)) throw refused(refusal); // rolls the change back
    return { code: loaded.code, pending: refusal ?? null };
  });
}

export async function removeDiscountCode(cartId: string): Promise<string | null> {
  return prisma.$transaction(async (tx) => {
    const cart = await lockCart(tx, cartId);
    await tx.cart.update({ where: { id: cartId }, data: { discountCode: null } });
    return cart.discountCode;
  });
}

/** Adds a gift card to the cart; returns the stored, normalised code. */
export async function applyGiftCard(cartId: string, text: string, { now = new Date() }: { now?: Date } = {}): Promise<string> {
  const code = normaliseGiftCardCode(text);
  const { cards } = code ? await loadGiftCards([code]) : { cards: [] };
  if (cards.length === 0) throw new DomainError("gift_card_unknown", "No such gift card.", { code });
  return prisma.$transaction(async (tx) => {
    const cart = await lockCart(tx, cartId);
    if (cart.giftCardCodes.includes(code))
      throw new DomainError("gift_card_duplicate", "This gift card is already applied.", { code });
    if (cart.giftCardCodes.length >= MAX_GIFT_CARDS) {
      throw new DomainError("gift_card_limit", `At most ${MAX_GIFT_CARDS} gift cards per order.`, { limit: MAX_GIFT_CARDS });
    }
    await tx.cart.update({ where: { id: cartId }, data: { giftCardCodes: [...cart.giftCardCodes, code] } });
    const priced = await priceCart({ cartId, now }, tx);
    const refusal = priced.totals.refusals.find((r) => r.source === "gift_card" && r.code === code);
    if (refusal && FINAL_REASONS.has(refusal.reason)) throw refused(refusal);
    return code;
  });
}

export async function removeGiftCard(cartId: string, text: string): Promise<boolean> {
  const code = normaliseGiftCardCode(text);
  return prisma.$transaction(async (tx) => {
    const cart = await lockCart(tx, cartId);
    if (!cart.giftCardCodes.includes(code)) return false;
    await tx.cart.update({ where: { id: cartId }, data: { giftCardCodes: cart.giftCardCodes.filter((c) => c !== code) } });
    return true;
  });
}
