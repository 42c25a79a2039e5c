// Gift cards pay for what is left after tax. Several cards may be used on one order (a customer
// with two birthday cards should not have to pick one); they are drawn in the order given (the
// order the customer entered them), each for min(balance, amount still due), so the amount due
// never goes below zero and a card never pays more than its balance.
//
// A valid card that is not needed because earlier cards already cover the order is listed with an
// amount of 0 (nothing to charge to it) rather than refused: nothing is wrong with the card.
// Expired (expiresAt is exclusive, like a discount's endsAt) or empty cards are refused with a reason.
import { assertMinor, type Money } from "~/utils/money";
import type { Refusal } from "./refusals";

export type GiftCard = { code: string; balance: Money; expiresAt?: Date };

export type GiftCardUse = { code: string; amount: Money };

export function applyGiftCards(
  cards: readonly GiftCard[],
  amountDue: Money,
  now: Date,
): { applied: GiftCardUse[]; refusals: Refusal[]; remaining: Money } {
  const applied: GiftCardUse[] = [];
  const refusals: Refusal[] = [];
  const seen = new Set<string>();
  let remaining = amountDue;
  for (const card of cards) {
    if (seen.has(card.code)) throw new RangeError(`gift card ${card.code} given twice`);
    seen.add(card.code);
    assertMinor(card.balance, `gift card ${card.code} balance`);
    if (card.balance < 0) throw new RangeError(`gift card ${card.code} has a negative balance`);

    if (card.expiresAt && now.getTime() >= card.expiresAt.getTime()) {
      refusals.push({ source: "gift_card", code: card.code, reason: "gift_card_expired" });
    } else if (card.balance === 0) {
      refusals.push({ source: "gift_card", code: card.code, reason: "no_remaining_balance" });
    } else {
      const amount = Math.min(card.balance, remaining);
      applied.push({ code: card.code, amount });
      remaining -= amount;
    }
  }
  return { applied, refusals, remaining };
}
