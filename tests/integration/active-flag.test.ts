// Switching discounts and gift cards on and off: once per real change (audited), never twice.
import { beforeEach, describe, expect, it } from "vitest";
import { setActiveFlag } from "~/domains/commerce/active-flag.server";
import { prisma } from "~/infra/db.server";
import { createDiscount, createGiftCard } from "../factories/commerce";
import { resetDatabase } from "../setup/reset";

const actor = { actorId: null, ipAddress: "203.0.113.7" };

describe("setActiveFlag", () => {
  beforeEach(resetDatabase);

  it("switches a discount and a gift card off and on, with one audit row per real change", async () => {
    const discount = await createDiscount();
    const card = await createGiftCard();
    await setActiveFlag("Discount", discount.id, false, actor);
    await setActiveFlag("Discount", discount.id, false, actor); // already off: nothing to record
    await setActiveFlag("GiftCard", card.id, false, actor);
    expect((await prisma.discount.findUniqueOrThrow({ where: { id: discount.id } })).isActive).toBe(false);
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: card.id } })).isActive).toBe(false);
    await setActiveFlag("GiftCard", card.id, true, actor);
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: card.id } })).isActive).toBe(true);
    const audit = await prisma.auditLog.findMany({ select: { action: true, entityId: true } });
    expect(audit).toHaveLength(3);
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "discount.deactivate", entityId: discount.id },
        { action: "gift_card.deactivate", entityId: card.id },
        { action: "gift_card.activate", entityId: card.id },
      ]),
    );
  });

  it("refuses an unknown id with not_found and writes nothing", async () => {
    await expect(setActiveFlag("GiftCard", "missing", false, actor)).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.auditLog.count()).toBe(0);
  });
});
