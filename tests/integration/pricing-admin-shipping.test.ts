// /admin/shop/shipping (zones, methods, tax rates) and /admin/shop/settings against the real
// database: what the admin types becomes what checkout reads (shippingOptionsFor, taxSettingFor),
// refusals change nothing, and permissions are checked in loaders and actions.
import { beforeEach, describe, expect, it } from "vitest";
import { shippingOptionsFor } from "~/domains/commerce/shipping/lookup.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { taxSettingFor } from "~/domains/commerce/taxes/lookup.server";
import { prisma } from "~/infra/db.server";
import * as settingsPage from "~/routes/admin+/shop.settings";
import * as index from "~/routes/admin+/shop.shipping._index";
import * as methodPage from "~/routes/admin+/shop.shipping.methods.$methodId";
import * as taxPage from "~/routes/admin+/shop.shipping.taxes.$taxRateId";
import * as zonePage from "~/routes/admin+/shop.shipping.zones.$zoneId";
import { createOrder, createProduct, createShippingZone, createTaxRate } from "../factories/commerce";
import { createUser, createUserWithPermissions } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";

type Reply = { result: { error: Record<string, string[] | null> } };

let adminId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ email: "shop@example.com", roles: ["commercial", "user"] })).id;
});

async function onIndex(fields: Record<string, string>, actor = adminId) {
  return run(index.action, await formRequest("/admin/shop/shipping", fields, { userId: actor }));
}

describe("zones and methods", () => {
  it("adds a zone and its methods from typed money, and checkout sees them in order", async () => {
    const created = await onIndex({ intent: "create-zone", name: "North America", countries: "us, ca" });
    expect(statusOf(created)).toBe(302);
    const zone = await prisma.shippingZone.findFirstOrThrow();
    expect(zone.countries).toEqual(["US", "CA"]);
    expect((created as Response).headers.get("Location")).toBe(`/admin/shop/shipping/zones/${zone.id}`);

    const addMethod = async (fields: Record<string, string>) =>
      run(
        zonePage.action,
        await formRequest(`/admin/shop/shipping/zones/${zone.id}`, { intent: "create-method", ...fields }, { userId: adminId }),
        {
          zoneId: zone.id,
        },
      );
    expect(statusOf(await addMethod({ name: "Express", rate: "15", position: "1", isActive: "on" }))).toBe(302);
    expect(statusOf(await addMethod({ name: "Standard", rate: "4.99", freeAbove: "50", position: "0", isActive: "on" }))).toBe(
      302,
    );
    expect(statusOf(await addMethod({ name: "Retired", rate: "1", position: "2" }))).toBe(302);
    const bad = await addMethod({ name: "Broken", rate: "4,99", position: "3" });
    expect(statusOf(bad)).toBe(400);
    expect(payloadOf<Reply>(bad).result.error.rate?.length).toBeGreaterThan(0);

    const options = await shippingOptionsFor("CA");
    expect(options.map((o) => [o.name, o.rate, o.freeAbove])).toEqual([
      ["Standard", 499, 5000],
      ["Express", 1500, null],
    ]);

    const express = options[1];
    const edit = await run(
      methodPage.action,
      await formRequest(
        `/admin/shop/shipping/methods/${express.id}`,
        { intent: "update-method", name: "Express", rate: "12.00", position: "1" },
        { userId: adminId },
      ),
      { methodId: express.id },
    );
    expect(statusOf(edit)).toBe(302);
    expect((await shippingOptionsFor("US")).map((o) => o.name)).toEqual(["Standard"]);
    expect(await prisma.auditLog.count({ where: { action: { startsWith: "shipping_" }, actorId: adminId } })).toBe(5);
  });

  it("refuses unknown country codes and a country another zone already has", async () => {
    await createShippingZone({ name: "Domestic", countries: ["US"] });
    const unknown = await onIndex({ intent: "create-zone", name: "Nowhere", countries: "XX, ES" });
    expect(statusOf(unknown)).toBe(400);
    expect(payloadOf<Reply>(unknown).result.error.countries).toEqual([
      "Not a country code: XX. Use two-letter codes such as US or ES.",
    ]);
    const taken = await onIndex({ intent: "create-zone", name: "Americas", countries: "MX, US" });
    expect(statusOf(taken)).toBe(409);
    expect(payloadOf<Reply>(taken).result.error.countries?.[0]).toContain("US (Domestic)");
    expect(await prisma.shippingZone.count()).toBe(1);
  });

  it("deletes a zone with its methods", async () => {
    const zone = await createShippingZone({ countries: ["*"] });
    const result = await run(
      zonePage.action,
      await formRequest(`/admin/shop/shipping/zones/${zone.id}`, { intent: "delete-zone" }, { userId: adminId }),
      {
        zoneId: zone.id,
      },
    );
    expect(statusOf(result)).toBe(302);
    expect(await prisma.shippingMethod.count()).toBe(0);
    expect(await shippingOptionsFor("FR")).toEqual([]);
  });
});

describe("tax rates", () => {
  it("adds country and region rates that checkout applies, and refuses a duplicate", async () => {
    expect(statusOf(await onIndex({ intent: "create-tax-rate", name: "US sales tax", country: "us", rate: "5" }))).toBe(302);
    expect(
      statusOf(
        await onIndex({
          intent: "create-tax-rate",
          name: "California",
          country: "US",
          region: "ca",
          rate: "7.25",
          shippingTaxable: "on",
        }),
      ),
    ).toBe(302);
    expect(await taxSettingFor("US", "CA")).toEqual({ rateBasisPoints: 725, shippingTaxable: true, pricesIncludeTax: false });
    expect(await taxSettingFor("US", "TX")).toEqual({ rateBasisPoints: 500, shippingTaxable: false, pricesIncludeTax: false });

    const duplicate = await onIndex({ intent: "create-tax-rate", name: "Again", country: "US", region: "CA", rate: "8" });
    expect(statusOf(duplicate)).toBe(409);
    expect(payloadOf<Reply>(duplicate).result.error.region).toEqual([
      "This country and region already have a rate; edit that one instead.",
    ]);
    const badRate = await onIndex({ intent: "create-tax-rate", name: "Odd", country: "FR", rate: "7.255" });
    expect(statusOf(badRate)).toBe(400);
    expect(await prisma.taxRate.count()).toBe(2);
  });

  it("edits and deletes a rate", async () => {
    const rate = await createTaxRate({ country: "ES", rateBasisPoints: 2100 });
    const edit = async (fields: Record<string, string>) =>
      run(taxPage.action, await formRequest(`/admin/shop/shipping/taxes/${rate.id}`, fields, { userId: adminId }), {
        taxRateId: rate.id,
      });
    expect(statusOf(await edit({ intent: "update-tax-rate", name: "IVA", country: "ES", rate: "10" }))).toBe(302);
    expect(await taxSettingFor("ES", undefined)).toMatchObject({ rateBasisPoints: 1000 });
    expect(statusOf(await edit({ intent: "delete-tax-rate" }))).toBe(302);
    expect(await taxSettingFor("ES", undefined)).toBeUndefined();
  });

  it("refuses a reader without update:shop:any in the actions, and a customer everywhere", async () => {
    const customer = (await createUser({ roles: ["user"] })).id;
    const reader = (await createUserWithPermissions("shop-reader", ["read:admin:any", "read:shop:any"])).id;
    expect(statusOf(await run(index.loader, await getRequest("/admin/shop/shipping", { userId: reader })))).toBe(200);
    expect(
      payloadOf<{ canUpdate: boolean }>(await run(index.loader, await getRequest("/admin/shop/shipping", { userId: reader })))
        .canUpdate,
    ).toBe(false);
    expect(statusOf(await onIndex({ intent: "create-tax-rate", name: "X", country: "US", rate: "5" }, reader))).toBe(403);
    expect(statusOf(await run(index.loader, await getRequest("/admin/shop/shipping", { userId: customer })))).toBe(403);
    expect(statusOf(await onIndex({ intent: "create-tax-rate", name: "X", country: "US", rate: "5" }, customer))).toBe(403);
    expect(statusOf(await run(settingsPage.loader, await getRequest("/admin/shop/settings", { userId: customer })))).toBe(403);
    expect(await prisma.taxRate.count()).toBe(0);
  });
});

describe("shop settings", () => {
  const valid = {
    currency: "EUR",
    reservationMinutes: "20",
    lowStockThreshold: "3",
    offlinePayment: "on",
    offlineInstructions: "IBAN ES00 0000 0000; use the order number as reference.",
    downloadLimit: "3",
    downloadDays: "14",
  };

  async function save(fields: Record<string, string>) {
    return run(settingsPage.action, await formRequest("/admin/shop/settings", fields, { userId: adminId }));
  }

  it("saves every setting and audits the change", async () => {
    expect(statusOf(await save(valid))).toBe(302);
    expect(await getShopSettings()).toEqual({
      currency: "EUR",
      reservationMinutes: 20,
      lowStockThreshold: 3,
      offlinePayment: true,
      offlineInstructions: "IBAN ES00 0000 0000; use the order number as reference.",
      downloadLimit: 3,
      downloadDays: 14,
    });
    expect(statusOf(await save({ ...valid, offlinePayment: "", offlineInstructions: "" }))).toBe(302);
    expect((await getShopSettings()).offlinePayment).toBe(false);
    expect(await prisma.auditLog.count({ where: { action: "shop_settings.update" } })).toBe(2);
  });

  it("refuses reservation minutes outside 5–120 and offline payment without instructions, keeping the old settings", async () => {
    for (const [change, field] of [
      [{ reservationMinutes: "4" }, "reservationMinutes"],
      [{ reservationMinutes: "121" }, "reservationMinutes"],
      [{ reservationMinutes: "15.5" }, "reservationMinutes"],
      [{ offlineInstructions: "" }, "offlineInstructions"],
      [{ currency: "XYZ" }, "currency"],
    ] as const) {
      const result = await save({ ...valid, ...change });
      expect(statusOf(result)).toBe(400);
      expect(payloadOf<Reply>(result).result.error[field]?.length, field).toBeGreaterThan(0);
    }
    expect(await prisma.shopSettings.count()).toBe(0);
  });

  it("will not change the currency once the shop has an order", async () => {
    const product = await createProduct();
    await createOrder({ items: [{ variantId: product.variants[0].id, quantity: 1 }] });
    const refused = await save(valid);
    expect(statusOf(refused)).toBe(409);
    expect(payloadOf<Reply>(refused).result.error.currency).toEqual([
      "The shop already has orders, so its currency cannot change.",
    ]);
    expect(statusOf(await save({ ...valid, currency: "USD" }))).toBe(302);
    expect((await getShopSettings()).reservationMinutes).toBe(20);
  });
});
