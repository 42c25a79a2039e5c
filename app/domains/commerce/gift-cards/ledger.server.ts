// Gift card balances move only through here, each change with its ledger entry (GiftCardEntry:
// signed amount and the balance after it), so the ledger always explains the balance.
//
// Spending is one conditional UPDATE ("balance" >= amount, active, not expired): however many
// checkouts spend one card at once, each either takes its whole amount or nothing, and the balance
// never goes below zero (the CHECK constraint is the last line of defence).
// Credits (an order released or refunded) go back to the cards the order was paid with, latest
// redeemed first, never more to a card than the order took from it (net of earlier credits).
import type { Db, Tx } from "~/infra/db.server";
import { prisma } from "~/infra/db.server";
import { DomainError } from "~/domains/errors";
import type { Money } from "~/utils/money";
import type { GiftCard } from "../gift-cards";
import type { RefusalReason } from "../refusals";

import { normaliseGiftCardCode } from "./gift-card-code";

export { formatGiftCardCode, normaliseGiftCardCode } from "./gift-card-code";

/**
 * The active cards for these codes, in the order given (duplicates once); codes with no active card
 * come back in `unknown`, normalised.
 */
export async function loadGiftCards(codes: string[], db: Db | Tx = prisma): Promise<{ cards: GiftCard[]; unknown: string[] }> {
  const wanted = [...new Set(codes.map(normaliseGiftCardCode).filter(Boolean))];
  if (wanted.length === 0) return { cards: [], unknown: [] };
  const rows = await db.giftCard.findMany({
    where: { code: { in: wanted }, isActive: true },
    select: { code: true, balance: true, expiresAt: true },
  });
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const cards: GiftCard[] = [];
  const unknown: string[] = [];
  for (const code of wanted) {
    const row = byCode.get(code);
    if (!row) unknown.push(code);
    else cards.push({ code: row.code, balance: row.balance, ...(row.expiresAt ? { expiresAt: row.expiresAt } : {}) });
  }
  return { cards, unknown };
}

function unavailable(code: string, reason: RefusalReason): DomainError {
  return new DomainError("gift_card_unavailable", `Gift card ${code} cannot be used: ${reason}.`, { reason, code });
}

/** Spends `amount` of the card for the order (a 0 amount changes nothing). */
export async function redeemGiftCard(
  tx: Tx,
  { code, amount, orderId }: { code: string; amount: Money; orderId: string },
): Promise<void> {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`redeem amount must be ≥ 0, got ${amount}`);
  const normalised = normaliseGiftCardCode(code);
  if (amount === 0) return;
  const now = new Date();
  const rows = await tx.$queryRaw<Array<{ id: string; balance: number }>>`
    UPDATE "GiftCard" SET "balance" = "balance" - ${amount}, "updatedAt" = ${now}
    WHERE "code" = ${normalised} AND "isActive" AND "balance" >= ${amount}
      AND ("expiresAt" IS NULL OR "expiresAt" > ${now})
    RETURNING "id", "balance"`;
  const card = rows[0];
  if (!card) {
    const current = await tx.giftCard.findUnique({ where: { code: normalised }, select: { expiresAt: true, isActive: true } });
    const expired = current?.isActive && current.expiresAt && current.expiresAt.getTime() <= now.getTime();
    throw unavailable(normalised, expired ? "gift_card_expired" : "no_remaining_balance");
  }
  await tx.giftCardEntry.create({
    data: { giftCardId: card.id, kind: "redeem", amount: -amount, balanceAfter: card.balance, orderId },
  });
}

/**
 * Returns up to `amount` to the cards that paid for the order; the amount actually credited comes
 * back (less than asked when the cards gave less). The cards' rows are locked first, so two credits
 * of one order at once cannot both return the same money.
 */
export async function creditOrderGiftCards(
  tx: Tx,
  {
    orderId,
    amount,
    kind,
    actorId = null,
    reason,
  }: { orderId: string; amount: Money; kind: "release" | "refund"; actorId?: string | null; reason: string },
): Promise<number> {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`credit amount must be ≥ 0, got ${amount}`);
  if (amount === 0) return 0;
  const cardIds = (
    await tx.giftCardEntry.findMany({ where: { orderId }, distinct: ["giftCardId"], select: { giftCardId: true } })
  ).map((row) => row.giftCardId);
  if (cardIds.length === 0) return 0;
  await tx.$queryRaw`SELECT "id" FROM "GiftCard" WHERE "id" = ANY(${cardIds}) ORDER BY "id" FOR UPDATE`;

  const entries = await tx.giftCardEntry.findMany({
    where: { orderId, giftCardId: { in: cardIds } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { giftCardId: true, kind: true, amount: true },
  });
  // lastRedeemed is the entry's position in that order, not its time: two cards spent in one
  // checkout can share a millisecond (or the transaction's timestamp), and the later one must win.
  const owed = new Map<string, { owed: number; lastRedeemed: number }>();
  for (const [position, entry] of entries.entries()) {
    const card = owed.get(entry.giftCardId) ?? { owed: 0, lastRedeemed: -1 };
    if (entry.kind === "redeem") {
      card.owed += -entry.amount;
      card.lastRedeemed = position;
    } else if (entry.kind === "release" || entry.kind === "refund") {
      card.owed -= entry.amount;
    }
    owed.set(entry.giftCardId, card);
  }
  const order = [...owed.entries()].sort((a, b) => b[1].lastRedeemed - a[1].lastRedeemed);

  let left = amount;
  for (const [giftCardId, card] of order) {
    if (left === 0) break;
    const give = Math.min(left, card.owed);
    if (give <= 0) continue;
    const updated = await tx.giftCard.update({
      where: { id: giftCardId },
      data: { balance: { increment: give } },
      select: { balance: true },
    });
    await tx.giftCardEntry.create({
      data: { giftCardId, kind, amount: give, balanceAfter: updated.balance, orderId, actorId, reason },
    });
    left -= give;
  }
  return amount - left;
}
