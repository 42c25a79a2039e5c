// /admin/shop/gift-cards against the real database: issuing (random Crockford code, ledger entry,
// the recipient's e-mail queued in the same transaction, audit without the full code), adjusting
// with a reason (never below zero), switching off, and permissions.
import { beforeEach, describe, expect, it } from "vitest";
import { loadGiftCards } from "~/domains/commerce/gift-cards/ledger.server";
import { prisma } from "~/infra/db.server";
import * as detail from "~/routes/admin+/shop.gift-cards.$giftCardId";
import * as list from "~/routes/admin+/shop.gift-cards._index";
import { createGiftCard } from "../factories/commerce";
import { createUser } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";

type Reply = { result: { error: Record<string, string[] | null> } };

let adminId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ email: "shop@example.com", roles: ["admin", "user"] })).id;
});

async function issue(fields: Record<string, string>, actor = adminId) {
  return run(list.action, await formRequest("/admin/shop/gift-cards", { intent: "issue", ...fields }, { userId: actor }));
}

async function onCard(giftCardId: string, fields: Record<string, string>, actor = adminId) {
  return run(detail.action, await formRequest(`/admin/shop/gift-cards/${giftCardId}`, fields, { userId: actor }), { giftCardId });
}

describe("issuing", () => {
  it("creates a 16-character code with its ledger entry, e-mails the recipient in their language and audits without the code", async () => {
    const result = await issue({
      amount: "25.00",
      recipientEmail: "Friend@Example.com",
      recipientLocale: "es",
      note: "Raffle prize",
    });
    expect(statusOf(result)).toBe(302);
    const card = await prisma.giftCard.findFirstOrThrow({ include: { entries: true } });
    expect(card.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(card).toMatchObject({
      initialBalance: 2500,
      balance: 2500,
      recipientEmail: "friend@example.com",
      note: "Raffle prize",
      createdById: adminId,
    });
    expect(card.entries.map((e) => [e.kind, e.amount, e.balanceAfter])).toEqual([["issue", 2500, 2500]]);
    expect((result as Response).headers.get("Location")).toBe(`/admin/shop/gift-cards/${card.id}`);

    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: "friend@example.com" } });
    expect(mail).toMatchObject({ template: "gift-card", locale: "es", sensitive: true });
    const grouped = card.code.match(/.{4}/g)!.join("-");
    expect(mail.text).toContain(grouped);
    expect(mail.subject).toContain("25,00");

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "gift_card.issue" } });
    expect(JSON.stringify(audit.after)).not.toContain(card.code);
    expect(JSON.stringify(audit.after)).toContain(card.code.slice(-4));
  });

  it("issues without a recipient and sends nothing; refuses a zero or malformed amount and a bad e-mail", async () => {
    expect(statusOf(await issue({ amount: "10" }))).toBe(302);
    expect(await prisma.emailMessage.count()).toBe(0);
    for (const [fields, field] of [
      [{ amount: "0" }, "amount"],
      [{ amount: "ten dollars" }, "amount"],
      [{ amount: "10", recipientEmail: "not-an-email" }, "recipientEmail"],
      [{ amount: "10", expiresAt: "someday" }, "expiresAt"],
      [{ amount: "10", expiresAt: "2020-01-01T00:00" }, "expiresAt"],
    ] as const) {
      const result = await issue(fields);
      expect(statusOf(result)).toBe(400);
      expect(payloadOf<Reply>(result).result.error[field]?.length).toBeGreaterThan(0);
    }
    // One message for one mistake: not "enter an amount such as 4.99" and "enter an amount above zero".
    expect(payloadOf<Reply>(await issue({ amount: "ten dollars" })).result.error.amount).toEqual([
      "Enter an amount such as 4.99 (digits, optional decimals, no currency sign).",
    ]);
    expect(await prisma.giftCard.count()).toBe(1);
  });

  it("refuses a customer in the loaders and actions", async () => {
    const customer = (await createUser({ roles: ["user"] })).id;
    const card = await createGiftCard({ code: "AAAABBBBCCCCDDDD" });
    expect(statusOf(await run(list.loader, await getRequest("/admin/shop/gift-cards", { userId: customer })))).toBe(403);
    expect(
      statusOf(
        await run(detail.loader, await getRequest(`/admin/shop/gift-cards/${card.id}`, { userId: customer }), {
          giftCardId: card.id,
        }),
      ),
    ).toBe(403);
    expect(statusOf(await issue({ amount: "10" }, customer))).toBe(403);
    expect(statusOf(await onCard(card.id, { intent: "adjust", direction: "add", amount: "5", reason: "hack" }, customer))).toBe(
      403,
    );
    expect(await prisma.giftCard.count()).toBe(1);
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: card.id } })).balance).toBe(5000);
  });
});

describe("adjusting and switching off", () => {
  it("adds and takes off with a reason in the ledger, and refuses taking more than the balance", async () => {
    const card = await createGiftCard({ code: "AAAABBBBCCCCDDDD", balance: 5000 });
    expect(statusOf(await onCard(card.id, { intent: "adjust", direction: "add", amount: "7.50", reason: "Late delivery" }))).toBe(
      302,
    );
    expect(
      statusOf(await onCard(card.id, { intent: "adjust", direction: "remove", amount: "20", reason: "Duplicate issue" })),
    ).toBe(302);
    const refused = await onCard(card.id, { intent: "adjust", direction: "remove", amount: "40", reason: "Too much" });
    expect(statusOf(refused)).toBe(409);
    expect(payloadOf<Reply>(refused).result.error.amount).toEqual(["The card only has $37.50 left; you cannot take off more."]);
    const missingReason = await onCard(card.id, { intent: "adjust", direction: "add", amount: "1", reason: "" });
    expect(statusOf(missingReason)).toBe(400);

    const after = await prisma.giftCard.findUniqueOrThrow({
      where: { id: card.id },
      include: { entries: { orderBy: { createdAt: "asc" } } },
    });
    expect(after.balance).toBe(3750);
    expect(after.entries.map((e) => [e.kind, e.amount, e.balanceAfter, e.reason])).toEqual([
      ["issue", 5000, 5000, "test"],
      ["adjust", 750, 5750, "Late delivery"],
      ["adjust", -2000, 3750, "Duplicate issue"],
    ]);
    const page = payloadOf<{ card: { entries: unknown[] } }>(
      await run(detail.loader, await getRequest(`/admin/shop/gift-cards/${card.id}`, { userId: adminId }), {
        giftCardId: card.id,
      }),
    );
    expect(page.card.entries).toHaveLength(3);
  });

  it("refuses amounts larger than a card can hold, next to the field, changing nothing", async () => {
    const tooBig = await issue({ amount: "30000000.00" });
    expect(statusOf(tooBig)).toBe(400);
    expect(payloadOf<Reply>(tooBig).result.error.amount).toEqual(["This amount is too large."]);
    expect(await prisma.giftCard.count()).toBe(0);

    const card = await createGiftCard({ code: "AAAABBBBCCCCDDDD", balance: 2_000_000_000 });
    const refused = await onCard(card.id, { intent: "adjust", direction: "add", amount: "2000000.00", reason: "Top up" });
    expect(statusOf(refused)).toBe(409);
    expect(payloadOf<Reply>(refused).result.error.amount).toEqual(["This amount is too large."]);
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: card.id } })).balance).toBe(2_000_000_000);
    expect(await prisma.giftCardEntry.count({ where: { giftCardId: card.id, kind: "adjust" } })).toBe(0);
  });

  it("two admins taking off at once cannot push the balance below zero", async () => {
    const card = await createGiftCard({ code: "AAAABBBBCCCCDDDD", balance: 3000 });
    const results = await Promise.all(
      Array.from({ length: 6 }, async () =>
        statusOf(await onCard(card.id, { intent: "adjust", direction: "remove", amount: "10", reason: "Parallel" })),
      ),
    );
    expect(results.filter((s) => s === 302)).toHaveLength(3);
    expect(results.filter((s) => s === 409)).toHaveLength(3);
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: card.id } })).balance).toBe(0);
  });

  it("a switched-off card is unknown at the till until switched on again", async () => {
    const card = await createGiftCard({ code: "AAAABBBBCCCCDDDD" });
    expect(statusOf(await onCard(card.id, { intent: "deactivate" }))).toBe(302);
    expect((await loadGiftCards(["aaaa-bbbb-cccc-dddd"])).unknown).toEqual(["AAAABBBBCCCCDDDD"]);
    expect(statusOf(await onCard(card.id, { intent: "activate" }))).toBe(302);
    expect((await loadGiftCards(["aaaa-bbbb-cccc-dddd"])).cards).toHaveLength(1);
    expect(
      await prisma.auditLog.count({
        where: { entityId: card.id, action: { in: ["gift_card.deactivate", "gift_card.activate"] } },
      }),
    ).toBe(2);
  });

  it("finds cards by code typed any way or by recipient", async () => {
    await createGiftCard({ code: "AAAABBBBCCCCDDDD" });
    await createGiftCard({ code: "ZZZZYYYYXXXXWWWW" });
    const found = payloadOf<{ items: Array<{ code: string }> }>(
      await run(list.loader, await getRequest("/admin/shop/gift-cards?q=bbbb-cccc", { userId: adminId })),
    );
    expect(found.items.map((c) => c.code)).toEqual(["AAAABBBBCCCCDDDD"]);
  });
});
