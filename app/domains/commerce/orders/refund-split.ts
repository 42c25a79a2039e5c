// How much of an order can still be refunded and how a refund splits between the card (Stripe, or
// the offline payment given back by hand) and the gift cards the order was paid with. Pure.
//
// Decision: the card first, gift cards last. A partial refund is usually for an item the customer
// returned, and they expect their money back where it came from; store credit is only returned once
// the card part is exhausted (a full refund returns both). Refunds still in flight (a Stripe call
// not answered yet) count as refunded here, so two refunds at once cannot both take the same money.
import { DomainError } from "~/domains/errors";
import type { Money } from "~/utils/money";

export type RefundLedger = {
  /** What the card (or offline payment) paid: the order's amountDue. */
  cardPaid: Money;
  /** What gift cards paid: the order's giftCardTotal. */
  giftCardPaid: Money;
  /** Card money already returned or in flight. */
  cardRefunded: Money;
  /** Gift-card money already credited back or in flight. */
  giftCardRefunded: Money;
};

export type RefundSplit = { cardAmount: Money; giftCardAmount: Money };

export function refundableCard(ledger: RefundLedger): Money {
  return Math.max(0, ledger.cardPaid - ledger.cardRefunded);
}

export function refundableGiftCard(ledger: RefundLedger): Money {
  return Math.max(0, ledger.giftCardPaid - ledger.giftCardRefunded);
}

export function refundableAmount(ledger: RefundLedger): Money {
  return refundableCard(ledger) + refundableGiftCard(ledger);
}

/**
 * Splits `amount` card first. Throws `DomainError("invalid_refund")` for a non-positive or
 * fractional amount and `DomainError("refund_exceeds_refundable")` above what is left.
 */
export function splitRefund(ledger: RefundLedger, amount: Money): RefundSplit {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new DomainError("invalid_refund", "A refund must be a positive amount.", { amount });
  }
  const refundable = refundableAmount(ledger);
  if (amount > refundable) {
    throw new DomainError("refund_exceeds_refundable", `Only ${refundable} can still be refunded.`, {
      amount,
      refundable,
    });
  }
  const cardAmount = Math.min(amount, refundableCard(ledger));
  return { cardAmount, giftCardAmount: amount - cardAmount };
}

/** Checks an already split refund (a Stripe dashboard refund, or a pending one being completed). */
export function assertSplitFits(ledger: RefundLedger, split: RefundSplit): void {
  const { cardAmount, giftCardAmount } = split;
  for (const value of [cardAmount, giftCardAmount]) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new DomainError("invalid_refund", "A refund must be a positive amount.", split);
    }
  }
  if (cardAmount + giftCardAmount <= 0) {
    throw new DomainError("invalid_refund", "A refund must be a positive amount.", split);
  }
  if (cardAmount > refundableCard(ledger) || giftCardAmount > refundableGiftCard(ledger)) {
    throw new DomainError("refund_exceeds_refundable", `Only ${refundableAmount(ledger)} can still be refunded.`, {
      ...split,
      refundable: refundableAmount(ledger),
    });
  }
}

export type RefundRecord = { id: string; status: string; cardAmount: Money; giftCardAmount: Money };

/** The ledger of an order from its Refund rows (failed ones left out, and `exceptRefundId`). */
export function ledgerFromRefunds(
  order: { amountDue: Money; giftCardTotal: Money },
  refunds: readonly RefundRecord[],
  exceptRefundId?: string,
): RefundLedger {
  const counted = refunds.filter((refund) => refund.status !== "failed" && refund.id !== exceptRefundId);
  return {
    cardPaid: order.amountDue,
    giftCardPaid: order.giftCardTotal,
    cardRefunded: counted.reduce((sum, refund) => sum + refund.cardAmount, 0),
    giftCardRefunded: counted.reduce((sum, refund) => sum + refund.giftCardAmount, 0),
  };
}
