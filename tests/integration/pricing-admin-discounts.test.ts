// /admin/shop/discounts against the real database: permissions in loaders and actions, the form's
// validation (nothing created on bad input), dates read in the admin's time zone, the usage limit
// that cannot drop below the uses, and a used code that cannot be deleted.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import * as detail from "~/routes/admin+/shop.discounts.$discountId";
import * as list from "~/routes/admin+/shop.discounts._index";
import * as create from "~/routes/admin+/shop.discounts.new";
import { createCategory, createDiscount, createOrder, createProduct } from "../factories/commerce";
import { createUser } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";

type Reply = { result: { error: Record<string, string[] | null> } };

let adminId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ email: "shop@example.com", roles: ["commercial", "user"] })).id;
  await prisma.user.update({ where: { id: adminId }, data: { timeZone: "Europe/Madrid" } });
});

const valid = {
  intent: "create",
  code: " spring sale ",
  kind: "percentage",
  value: "12.5",
  startsAt: "2026-12-24T18:00",
  endsAt: "2027-01-06T00:00",
  minSubtotal: "50.00",
  usageLimit: "100",
  perCustomerLimit: "1",
  isActive: "on",
};

async function post(fields: Record<string, string | string[]>, actor = adminId) {
  return run(create.action, await formRequest("/admin/shop/discounts/new", fields, { userId: actor }));
}

describe("permissions", () => {
  it("refuses a customer in every loader and action", async () => {
    const customer = (await createUser({ roles: ["user"] })).id;
    const discount = await createDiscount({ code: "KEEP" });
    expect(statusOf(await run(list.loader, await getRequest("/admin/shop/discounts", { userId: customer })))).toBe(403);
    expect(statusOf(await run(create.loader, await getRequest("/admin/shop/discounts/new", { userId: customer })))).toBe(403);
    expect(statusOf(await post(valid, customer))).toBe(403);
    const onDetail = await run(
      detail.action,
      await formRequest(`/admin/shop/discounts/${discount.id}`, { intent: "deactivate" }, { userId: customer }),
      { discountId: discount.id },
    );
    expect(statusOf(onDetail)).toBe(403);
    expect(await prisma.discount.count()).toBe(1);
    expect((await prisma.discount.findUniqueOrThrow({ where: { id: discount.id } })).isActive).toBe(true);
  });
});

describe("creating a discount", () => {
  it("stores the code upper-case, the percentage in basis points, money in minor units and dates in the admin's zone", async () => {
    const product = await createProduct({ slug: "red-scarf" });
    const category = await createCategory({ name: "Winter" });
    const result = await post({ ...valid, productSlugs: "Red-Scarf\n", categoryIds: [category.id] });
    expect(statusOf(result)).toBe(302);
    const discount = await prisma.discount.findUniqueOrThrow({ where: { code: "SPRINGSALE" } });
    expect(discount).toMatchObject({
      kind: "percentage",
      value: 1250,
      minSubtotal: 5000,
      usageLimit: 100,
      perCustomerLimit: 1,
      isActive: true,
      productIds: [product.id],
      categoryIds: [category.id],
    });
    expect(discount.startsAt?.toISOString()).toBe("2026-12-24T17:00:00.000Z");
    expect(discount.endsAt?.toISOString()).toBe("2027-01-05T23:00:00.000Z");
    expect((result as Response).headers.get("Location")).toBe(`/admin/shop/discounts/${discount.id}`);
    expect(await prisma.auditLog.count({ where: { action: "discount.create", entityId: discount.id, actorId: adminId } })).toBe(
      1,
    );
  });

  it("refuses bad input next to the field and creates nothing", async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ value: "150" }, "value"],
      [{ value: "ten" }, "value"],
      [{ kind: "fixed", value: "10.001" }, "value"],
      [{ endsAt: "2026-12-01T00:00" }, "endsAt"],
      [{ code: "x" }, "code"],
      [{ code: "NO WAY!" }, "code"],
      [{ minSubtotal: "-5" }, "minSubtotal"],
      [{ usageLimit: "0" }, "usageLimit"],
      // More than a PostgreSQL integer holds: a message, not a failed INSERT.
      [{ kind: "fixed", value: "30000000" }, "value"],
      [{ minSubtotal: "21474836.48" }, "minSubtotal"],
      [{ productSlugs: "no-such-product" }, "productSlugs"],
    ];
    for (const [change, field] of cases) {
      const result = await post({ ...valid, ...change });
      expect([400, 409]).toContain(statusOf(result));
      expect(payloadOf<Reply>(result).result.error[field]?.length, `${JSON.stringify(change)} → ${field}`).toBeGreaterThan(0);
    }
    expect(await prisma.discount.count()).toBe(0);
  });

  it("refuses a code another discount has, in any case", async () => {
    await createDiscount({ code: "SPRINGSALE" });
    const result = await post(valid);
    expect(statusOf(result)).toBe(409);
    expect(payloadOf<Reply>(result).result.error.code).toEqual(["Another discount already uses this code."]);
    expect(await prisma.discount.count()).toBe(1);
  });

  it("accepts a free-shipping code without a value and a fixed amount in money", async () => {
    expect(statusOf(await post({ ...valid, code: "SHIPFREE", kind: "free_shipping", value: "" }))).toBe(302);
    expect(statusOf(await post({ ...valid, code: "TENOFF", kind: "fixed", value: "10" }))).toBe(302);
    expect(await prisma.discount.findUnique({ where: { code: "SHIPFREE" } })).toMatchObject({ kind: "free_shipping", value: 0 });
    expect(await prisma.discount.findUnique({ where: { code: "TENOFF" } })).toMatchObject({ kind: "fixed", value: 1000 });
  });
});

describe("editing a discount", () => {
  async function usedDiscount(uses: number) {
    const discount = await createDiscount({ code: "USED", usageLimit: 10, usedCount: uses });
    const product = await createProduct();
    for (let i = 0; i < uses; i += 1) {
      const order = await createOrder({ items: [{ variantId: product.variants[0].id, quantity: 1 }] });
      await prisma.discountRedemption.create({ data: { discountId: discount.id, orderId: order.id, customerKey: `c${i}` } });
    }
    return discount;
  }

  async function onDetail(discountId: string, fields: Record<string, string>) {
    return run(detail.action, await formRequest(`/admin/shop/discounts/${discountId}`, fields, { userId: adminId }), {
      discountId,
    });
  }

  it("will not lower the usage limit below the uses so far", async () => {
    const discount = await usedDiscount(3);
    const refused = await onDetail(discount.id, { ...valid, intent: "update", code: "USED", usageLimit: "2" });
    expect(statusOf(refused)).toBe(409);
    expect(payloadOf<Reply>(refused).result.error.usageLimit).toEqual([
      "The code has already been used 3 times: the limit cannot be lower.",
    ]);
    expect((await prisma.discount.findUniqueOrThrow({ where: { id: discount.id } })).usageLimit).toBe(10);

    expect(statusOf(await onDetail(discount.id, { ...valid, intent: "update", code: "USED", usageLimit: "3" }))).toBe(302);
    expect(await prisma.discount.findUniqueOrThrow({ where: { id: discount.id } })).toMatchObject({
      usageLimit: 3,
      usedCount: 3,
      value: 1250,
    });
  });

  it("shows uses and redemptions, switches off and on, and refuses to delete a used code", async () => {
    const discount = await usedDiscount(2);
    const page = payloadOf<{ discount: { usedCount: number; redemptions: unknown[] } }>(
      await run(detail.loader, await getRequest(`/admin/shop/discounts/${discount.id}`, { userId: adminId }), {
        discountId: discount.id,
      }),
    );
    expect(page.discount.usedCount).toBe(2);
    expect(page.discount.redemptions).toHaveLength(2);

    expect(statusOf(await onDetail(discount.id, { intent: "deactivate" }))).toBe(302);
    expect((await prisma.discount.findUniqueOrThrow({ where: { id: discount.id } })).isActive).toBe(false);
    expect(statusOf(await onDetail(discount.id, { intent: "activate" }))).toBe(302);
    expect((await prisma.discount.findUniqueOrThrow({ where: { id: discount.id } })).isActive).toBe(true);

    const refused = await onDetail(discount.id, { intent: "delete" });
    expect(statusOf(refused)).toBe(409);
    expect(await prisma.discount.count()).toBe(1);

    const unused = await createDiscount({ code: "UNUSED" });
    expect(statusOf(await onDetail(unused.id, { intent: "delete" }))).toBe(302);
    expect(await prisma.discount.findUnique({ where: { id: unused.id } })).toBeNull();
  });
});
