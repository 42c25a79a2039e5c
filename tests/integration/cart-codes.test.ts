// Discount codes and gift cards on the cart page: unknown or spent codes refused with the reason
// and nothing stored; a code the cart can still satisfy kept with its reason shown next to it.
import { beforeEach, describe, expect, it } from "vitest";
import { CODE_ATTEMPTS } from "~/components/cart/cart-action.server";
import { prisma } from "~/infra/db.server";
import { resetLimit } from "~/infra/rate-limit.server";
import { createDiscount, createGiftCard, createProduct } from "../factories/commerce";
import { createUser } from "../factories/users";
import { resetDatabase } from "../setup/reset";
import { fieldError, Shopper, toastOf } from "./cart-helpers";

const IP = "203.0.113.7";

beforeEach(async () => {
  await resetDatabase();
  await resetLimit(CODE_ATTEMPTS, IP);
  await resetLimit(CODE_ATTEMPTS, "198.51.100.9");
});

async function shopperWith(subtotal: number) {
  const product = await createProduct({ title: "Lamp", variants: [{ price: subtotal, stock: 10 }] });
  const shopper = new Shopper();
  await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "1" });
  const cart = await prisma.cart.findFirstOrThrow();
  return { shopper, cart, product };
}

describe("discount codes", () => {
  it("applies a code typed in any case and shows what it takes off", async () => {
    await createDiscount({ code: "WELCOME10", kind: "percentage", value: 1000 });
    const { shopper, cart } = await shopperWith(4000);
    const answer = await shopper.post({ intent: "apply-discount", code: "  welcome10 " });
    expect(answer.status).toBe(302);
    expect((await toastOf(answer))?.message).toBe("Code WELCOME10 applied.");
    expect((await prisma.cart.findUniqueOrThrow({ where: { id: cart.id } })).discountCode).toBe("WELCOME10");
    const view = await shopper.view();
    expect(view?.discount).toEqual({ code: "WELCOME10", amount: 400, refusal: null });
    expect(view?.totalBeforeShipping).toBe(3600);
  });

  it("refuses an unknown or switched-off code and stores nothing", async () => {
    await createDiscount({ code: "OFFNOW", isActive: false });
    const { shopper, cart } = await shopperWith(4000);
    const unknown = await shopper.post({ intent: "apply-discount", code: "nope" });
    expect(unknown.status).toBe(400);
    expect(fieldError(unknown, "code")).toBe("We do not recognise the code NOPE. Check the spelling.");
    expect(fieldError(await shopper.post({ intent: "apply-discount", code: "offnow" }), "code")).toBe(
      "We do not recognise the code OFFNOW. Check the spelling.",
    );
    expect(fieldError(await shopper.post({ intent: "apply-discount", code: "" }), "code")).toBe("Enter a discount code.");
    expect((await prisma.cart.findUniqueOrThrow({ where: { id: cart.id } })).discountCode).toBeNull();
  });

  it.each([
    ["expired", { endsAt: new Date(Date.now() - 60_000) }, "This code has expired."],
    ["used up", { usageLimit: 3, usedCount: 3 }, "This code has reached its usage limit."],
  ])("refuses an %s code with the reason and stores nothing", async (_label, fields, message) => {
    await createDiscount({ code: "SPENT", ...fields });
    const { shopper, cart } = await shopperWith(4000);
    const answer = await shopper.post({ intent: "apply-discount", code: "SPENT" });
    expect(answer.status).toBe(400);
    expect(fieldError(answer, "code")).toBe(message);
    expect((await prisma.cart.findUniqueOrThrow({ where: { id: cart.id } })).discountCode).toBeNull();
  });

  it("keeps a code whose minimum the cart does not reach yet, says why, and applies it once it does", async () => {
    await createDiscount({ code: "BIG50", kind: "fixed", value: 1000, minSubtotal: 5000 });
    const { shopper, cart } = await shopperWith(4000);
    const answer = await shopper.post({ intent: "apply-discount", code: "big50" });
    expect(answer.status).toBe(302);
    expect(await toastOf(answer)).toEqual({
      kind: "info",
      message: "Code BIG50 saved. It does not apply yet: see why under the code.",
    });
    let view = await shopper.view();
    expect(view?.discount).toEqual({ code: "BIG50", amount: 0, refusal: "A minimum order of $50.00 is required for this code." });
    expect(view?.canCheckout).toBe(false);
    const item = await prisma.cartItem.findFirstOrThrow({ where: { cartId: cart.id } });
    await shopper.post({ intent: "update", itemId: item.id, quantity: "2" });
    view = await shopper.view();
    expect(view?.discount).toEqual({ code: "BIG50", amount: 1000, refusal: null });
    expect(view?.canCheckout).toBe(true);
  });

  it("replaces the code with a new one (one per order) and removes it", async () => {
    await createDiscount({ code: "AAA", value: 1000 });
    await createDiscount({ code: "BBB", value: 2000 });
    const { shopper, cart } = await shopperWith(4000);
    await shopper.post({ intent: "apply-discount", code: "AAA" });
    await shopper.post({ intent: "apply-discount", code: "BBB" });
    expect((await shopper.view())?.discount?.code).toBe("BBB");
    const removed = await shopper.post({ intent: "remove-discount" });
    expect((await toastOf(removed))?.message).toBe("Discount code removed.");
    expect((await prisma.cart.findUniqueOrThrow({ where: { id: cart.id } })).discountCode).toBeNull();
  });

  it("refuses a code the signed-in customer has already used up", async () => {
    const user = await createUser();
    const discount = await createDiscount({ code: "ONCE", perCustomerLimit: 1 });
    const product = await createProduct();
    const order = await prisma.order.create({
      data: {
        number: "VS-TEST-0001",
        email: user.email,
        paymentMethod: "offline",
        currency: "USD",
        merchandiseSubtotal: 1,
        grandTotal: 1,
        amountDue: 1,
        userId: user.id,
      },
    });
    await prisma.discountRedemption.create({ data: { discountId: discount.id, orderId: order.id, customerKey: user.id } });
    const shopper = await Shopper.signedIn(user.id);
    await shopper.post({ intent: "add", variantId: product.variants[0].id, quantity: "1" });
    const answer = await shopper.post({ intent: "apply-discount", code: "once" });
    expect(fieldError(answer, "code")).toBe("You have already used this code as many times as it allows.");
  });

  it("limits how many unknown codes one address may try, while real codes still apply", async () => {
    await createDiscount({ code: "REAL", value: 1000 });
    const { shopper } = await shopperWith(1000);
    const answers = [];
    for (let i = 0; i <= CODE_ATTEMPTS.points + 1; i++)
      answers.push(await shopper.post({ intent: "apply-discount", code: `GUESS${i}` }));
    expect(answers.slice(0, CODE_ATTEMPTS.points).every((a) => a.status === 400)).toBe(true);
    const last = answers.at(-1)!;
    expect(last.status).toBe(429);
    expect(fieldError(last, "code")).toBe("Too many codes tried. Wait a few minutes and try again.");
    expect(fieldError(await shopper.post({ intent: "apply-gift-card", code: "AAAABBBBCCCCDDDD" }), "code")).toBe(
      "Too many codes tried. Wait a few minutes and try again.",
    );
    // Another address is not affected.
    expect((await shopper.post({ intent: "apply-discount", code: "REAL" }, { clientIp: "198.51.100.9" })).status).toBe(302);
  });
});

describe("gift cards", () => {
  it("applies cards typed with dashes and spaces, in order, and shows what each pays", async () => {
    await createGiftCard({ code: "AAAABBBBCCCCDDDD", balance: 1500 });
    await createGiftCard({ code: "EEEEFFFFGGGGHHHH", balance: 5000 });
    const { shopper } = await shopperWith(4000);
    const first = await shopper.post({ intent: "apply-gift-card", code: "aaaa-bbbb cccc-dddd" });
    expect((await toastOf(first))?.message).toBe("Gift card AAAA-BBBB-CCCC-DDDD applied.");
    await shopper.post({ intent: "apply-gift-card", code: "EEEEFFFFGGGGHHHH" });
    const view = await shopper.view();
    expect(view?.giftCards.map((c) => [c.display, c.amount, c.refusal])).toEqual([
      ["AAAA-BBBB-CCCC-DDDD", 1500, null],
      ["EEEE-FFFF-GGGG-HHHH", 2500, null],
    ]);
    expect(view?.amountDue).toBe(0);
  });

  it.each([
    ["unknown", null, "We do not recognise this gift card. Check the code."],
    ["deactivated", { isActive: false }, "We do not recognise this gift card. Check the code."],
    ["empty", { balance: 0 }, "This gift card has no remaining balance."],
    ["expired", { expiresAt: new Date(Date.now() - 1000) }, "This gift card has expired."],
  ])("refuses an %s card with the reason and stores nothing", async (_label, fields, message) => {
    if (fields) await createGiftCard({ code: "ZZZZYYYYXXXXWWWW", ...fields });
    const { shopper, cart } = await shopperWith(4000);
    const answer = await shopper.post({ intent: "apply-gift-card", code: "ZZZZ-YYYY-XXXX-WWWW" });
    expect(answer.status).toBe(400);
    expect(fieldError(answer, "code")).toBe(message);
    expect((await prisma.cart.findUniqueOrThrow({ where: { id: cart.id } })).giftCardCodes).toEqual([]);
  });

  it("refuses the same card twice, and removes a card", async () => {
    await createGiftCard({ code: "AAAABBBBCCCCDDDD", balance: 1500 });
    const { shopper, cart } = await shopperWith(4000);
    await shopper.post({ intent: "apply-gift-card", code: "AAAABBBBCCCCDDDD" });
    const again = await shopper.post({ intent: "apply-gift-card", code: "aaaa-bbbb-cccc-dddd" });
    expect(fieldError(again, "code")).toBe("This gift card is already applied.");
    await shopper.post({ intent: "remove-gift-card", code: "AAAABBBBCCCCDDDD" });
    expect((await prisma.cart.findUniqueOrThrow({ where: { id: cart.id } })).giftCardCodes).toEqual([]);
  });

  it("shows the reason next to a card emptied elsewhere after it was applied", async () => {
    const card = await createGiftCard({ code: "AAAABBBBCCCCDDDD", balance: 1500 });
    const { shopper } = await shopperWith(4000);
    await shopper.post({ intent: "apply-gift-card", code: "AAAABBBBCCCCDDDD" });
    await prisma.giftCard.update({ where: { id: card.id }, data: { balance: 0 } });
    const view = await shopper.view();
    expect(view?.giftCards[0]?.refusal).toBe("This gift card has no remaining balance.");
    expect(view?.canCheckout).toBe(false);
  });
});
