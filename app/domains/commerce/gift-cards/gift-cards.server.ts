// Gift cards as the admin manages them: issue (a random code, the ledger's "issue" entry, and the
// recipient's e-mail through the outbox in the same transaction), adjust the balance with a reason
// (a conditional UPDATE: taking off more than the balance is refused, never clipped), switch off and
// on, list and read with the full ledger. Audit rows show only the code's last four characters.
import type { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { setActiveFlag, type CommerceActor } from "../active-flag.server";
import { queueTemplateEmail } from "~/domains/platform/email/send-template.server";
import { clampPage } from "~/domains/platform/list-query";
import { prisma, type Tx } from "~/infra/db.server";
import { getEnv } from "~/infra/env.server";
import { formatMoney } from "~/utils/money";
import { MAX_STORED_MINOR } from "../shipping/shipping-form";
import { getShopSettings } from "../shop-settings.server";
import { formatGiftCardCode, generateGiftCardCode, maskGiftCardCode, normaliseGiftCardCode } from "./gift-card-code";
import type { GiftCardStatusFilter } from "./gift-card-filters";
import type { AdjustGiftCardValue, IssueGiftCardValue } from "./gift-card-form";

type Actor = CommerceActor;

export { GIFT_CARD_STATUSES, type GiftCardStatusFilter } from "./gift-card-filters";
export const GIFT_CARD_PAGE_SIZE = 25;

function statusWhere(status: GiftCardStatusFilter, now: Date): Prisma.GiftCardWhereInput {
  switch (status) {
    case "active":
      return { isActive: true, balance: { gt: 0 }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
    case "empty":
      return { balance: 0 };
    case "expired":
      return { expiresAt: { lte: now } };
    case "inactive":
      return { isActive: false };
    default:
      return {};
  }
}

export async function listGiftCards(
  { q, status, page: requested }: { q: string; status: GiftCardStatusFilter; page: number },
  now = new Date(),
) {
  const code = normaliseGiftCardCode(q);
  const where: Prisma.GiftCardWhereInput = {
    ...statusWhere(status, now),
    ...(q ? { OR: [{ code: { contains: code } }, { recipientEmail: { contains: q.trim().toLowerCase() } }] } : {}),
  };
  const total = await prisma.giftCard.count({ where });
  const page = clampPage(requested, total, GIFT_CARD_PAGE_SIZE);
  const items = await prisma.giftCard.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * GIFT_CARD_PAGE_SIZE,
    take: GIFT_CARD_PAGE_SIZE,
    select: {
      id: true,
      code: true,
      initialBalance: true,
      balance: true,
      expiresAt: true,
      isActive: true,
      recipientEmail: true,
      createdAt: true,
    },
  });
  return { items, total, page, pageSize: GIFT_CARD_PAGE_SIZE };
}

export async function getGiftCard(giftCardId: string) {
  return prisma.giftCard.findUnique({
    where: { id: giftCardId },
    include: {
      createdBy: { select: { id: true, name: true, email: true } },
      entries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: {
          id: true,
          kind: true,
          amount: true,
          balanceAfter: true,
          reason: true,
          createdAt: true,
          order: { select: { id: true, number: true } },
          actor: { select: { id: true, name: true, email: true } },
        },
      },
    },
  });
}

async function createWithUniqueCode(tx: Tx, data: Omit<Prisma.GiftCardUncheckedCreateInput, "code">) {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = generateGiftCardCode();
    // 80 random bits make a collision practically impossible; looked for first anyway (a failed
    // INSERT would abort the transaction), the unique index still having the last word.
    if (await tx.giftCard.count({ where: { code } })) continue;
    return tx.giftCard.create({ data: { ...data, code } });
  }
  throw new Error("could not generate a unique gift card code");
}

export async function issueGiftCard(input: IssueGiftCardValue, actor: Actor) {
  const settings = await getShopSettings();
  return prisma.$transaction(async (tx) => {
    const card = await createWithUniqueCode(tx, {
      initialBalance: input.amount,
      balance: input.amount,
      expiresAt: input.expiresAt,
      recipientEmail: input.recipientEmail,
      note: input.note,
      createdById: actor.actorId,
    });
    await tx.giftCardEntry.create({
      data: {
        giftCardId: card.id,
        kind: "issue",
        amount: input.amount,
        balanceAfter: input.amount,
        actorId: actor.actorId,
        reason: input.note,
      },
    });
    if (input.recipientEmail) {
      await queueTemplateEmail(tx, {
        to: input.recipientEmail,
        locale: input.recipientLocale,
        template: "gift-card",
        props: {
          code: formatGiftCardCode(card.code),
          amount: formatMoney(input.amount, settings.currency, input.recipientLocale),
          expiresAt: input.expiresAt?.toISOString() ?? null,
          shopUrl: new URL("/shop", getEnv().APP_URL).toString(),
        },
      });
    }
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress ?? null,
        action: "gift_card.issue",
        entityType: "GiftCard",
        entityId: card.id,
        after: {
          code: maskGiftCardCode(card.code),
          amount: input.amount,
          expiresAt: input.expiresAt?.toISOString() ?? null,
          recipientEmail: input.recipientEmail,
        },
      },
      tx,
    );
    return { id: card.id, code: card.code };
  });
}

/** Adds to or takes from the balance; taking more than the balance is refused ("insufficient_balance"). */
export async function adjustGiftCard(giftCardId: string, input: AdjustGiftCardValue, actor: Actor) {
  const delta = input.direction === "add" ? input.amount : -input.amount;
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ balance: number; code: string }>>`
      UPDATE "GiftCard" SET "balance" = "balance" + ${delta}, "updatedAt" = now()
      WHERE "id" = ${giftCardId}
        AND "balance"::bigint + ${delta}::bigint BETWEEN 0 AND ${MAX_STORED_MINOR}::bigint
      RETURNING "balance", "code"`;
    const card = rows[0];
    if (!card) {
      const current = await tx.giftCard.findUnique({ where: { id: giftCardId }, select: { balance: true } });
      if (!current) throw new DomainError("not_found", "No such gift card.");
      if (delta > 0) {
        throw new DomainError("balance_too_large", "The balance would be larger than a card can hold.", {
          balance: current.balance,
        });
      }
      throw new DomainError("insufficient_balance", "The balance is lower than the amount to take off.", {
        balance: current.balance,
      });
    }
    await tx.giftCardEntry.create({
      data: {
        giftCardId,
        kind: "adjust",
        amount: delta,
        balanceAfter: card.balance,
        reason: input.reason,
        actorId: actor.actorId,
      },
    });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress ?? null,
        action: "gift_card.adjust",
        entityType: "GiftCard",
        entityId: giftCardId,
        before: { balance: card.balance - delta },
        after: { code: maskGiftCardCode(card.code), balance: card.balance, delta, reason: input.reason },
      },
      tx,
    );
    return { balance: card.balance };
  });
}

export async function setGiftCardActive(giftCardId: string, isActive: boolean, actor: Actor) {
  await setActiveFlag("GiftCard", giftCardId, isActive, actor);
}
