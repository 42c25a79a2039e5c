// Shipping, taxes, discounts, gift cards and shop settings in the admin, with and without
// JavaScript: typed mistakes are refused next to the field with what was typed kept; what is saved
// is what checkout reads (checked in the database); the pages pass an accessibility check.
// The two projects run at the same time on one database, so each uses its own country and codes.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { auditRows, createUser, db, latestEmail, uniqueEmail } from "../fixtures/db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { loginAs } from "./support/login";

const COUNTRY: Record<string, string> = { "no-js": "FJ", js: "TO" };

test("an admin sets up a shipping zone, a delivery method and a tax rate", async ({ page }, testInfo) => {
  const country = COUNTRY[testInfo.project.name] ?? "WS";
  await db().query(`DELETE FROM "ShippingZone" WHERE $1 = ANY("countries")`, [country]);
  await db().query(`DELETE FROM "TaxRate" WHERE "country" = $1`, [country]);
  const admin = await createUser({ name: "Shop Admin", roles: ["commercial"] });
  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/shop/shipping" });
  await expect(page.getByRole("heading", { level: 1, name: "Shipping and taxes" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // an unknown code is refused with what was typed kept
  const zoneName = `Islands ${randomUUID().slice(0, 6)}`;
  await page.getByLabel("Zone name").fill(zoneName);
  await page.getByLabel("Countries", { exact: true }).fill(`xx, ${country.toLowerCase()}`);
  await page.getByRole("button", { name: "Add zone" }).click();
  await expect(page.getByText("Not a country code: XX. Use two-letter codes such as US or ES.")).toBeVisible();
  await expect(page.getByLabel("Zone name")).toHaveValue(zoneName);

  await page.getByLabel("Countries", { exact: true }).fill(country);
  await page.getByRole("button", { name: "Add zone" }).click();
  await expect(page.getByRole("heading", { level: 1, name: zoneName })).toBeVisible();

  // a method priced with a comma is refused; with a point it is added and listed
  await page.getByLabel("Method name").fill("Boat");
  await page.getByLabel("Rate (USD)").fill("4,99");
  await page.getByRole("button", { name: "Add method" }).click();
  await expect(page.getByText("Enter an amount such as 4.99 (digits, optional decimals, no currency sign).")).toBeVisible();
  await expect(page.getByLabel("Method name")).toHaveValue("Boat");
  await page.getByLabel("Rate (USD)").fill("4.99");
  await page.getByLabel("Free above (USD, optional)").fill("50");
  await page.getByRole("button", { name: "Add method" }).click();
  const methods = page.getByRole("table", { name: `Delivery methods of ${zoneName}` });
  await expect(methods.getByRole("row", { name: /Boat/ })).toContainText("$4.99");
  await expect(methods.getByRole("row", { name: /Boat/ })).toContainText("$50.00");
  await expect(methods.getByRole("row", { name: /Boat/ })).toContainText("Offered");
  await expectNoSeriousA11yViolations(page);

  const { rows: zones } = await db().query(
    `SELECT z."id", z."countries", m."rate", m."freeAbove", m."isActive" FROM "ShippingZone" z JOIN "ShippingMethod" m ON m."zoneId" = z."id" WHERE z."name" = $1`,
    [zoneName],
  );
  expect(zones).toEqual([{ id: expect.any(String), countries: [country], rate: 499, freeAbove: 5000, isActive: true }]);
  expect((await auditRows(zones[0].id)).map((row) => [row.action, row.actorId])).toEqual([["shipping_zone.create", admin.id]]);

  // a tax rate with a region, shipping taxed too
  await page.getByRole("link", { name: "Back to shipping and taxes" }).click();
  const taxName = `Island VAT ${country}`;
  await page.getByLabel("Name", { exact: true }).fill(taxName);
  await page.getByLabel("Country", { exact: true }).fill(country);
  await page.getByLabel("Rate (%)").fill("12.555");
  await page.getByRole("button", { name: "Add tax rate" }).click();
  await expect(page.getByText("Enter a percentage from 0 to 100 with at most two decimals, e.g. 7.25.")).toBeVisible();
  await page.getByLabel("Rate (%)").fill("12.5");
  await page.getByLabel("Tax shipping too").check();
  await page.getByRole("button", { name: "Add tax rate" }).click();
  const rates = page.getByRole("table", { name: "Tax rates by country and region" });
  await expect(rates.getByRole("row", { name: new RegExp(taxName) })).toContainText("12.5 %");
  const { rows: taxRows } = await db().query(
    `SELECT "region","rateBasisPoints","shippingTaxable" FROM "TaxRate" WHERE "country" = $1`,
    [country],
  );
  expect(taxRows).toEqual([{ region: "", rateBasisPoints: 1250, shippingTaxable: true }]);

  // the zone goes away with its method
  await page.getByRole("link", { name: zoneName }).click();
  await page.getByRole("button", { name: "Delete zone" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Shipping and taxes" })).toBeVisible();
  await expect(page.getByRole("link", { name: zoneName })).toHaveCount(0);
});

test("an admin creates a discount code and issues, e-mails and adjusts a gift card", async ({ page }) => {
  const admin = await createUser({ name: "Promo Admin", roles: ["admin"] });
  const code = `E2E${randomUUID().slice(0, 6).toUpperCase()}`;
  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/shop/discounts/new" });
  await expect(page.getByRole("heading", { level: 1, name: "New discount" })).toBeVisible();

  await page.getByLabel("Code", { exact: true }).fill(code.toLowerCase());
  await page.getByLabel("Value").fill("150");
  await page.getByLabel("Total uses (optional)").fill("5");
  await page.getByRole("button", { name: "Create discount" }).click();
  await expect(page.getByText("Enter a percentage above 0 and up to 100, with at most two decimals, e.g. 15.")).toBeVisible();
  await expect(page.getByLabel("Total uses (optional)")).toHaveValue("5");
  await page.getByLabel("Value").fill("15");
  await page.getByRole("button", { name: "Create discount" }).click();
  await expect(page.getByRole("heading", { level: 1, name: code })).toBeVisible();
  await expect(page.getByText("15 % off · Running")).toBeVisible();
  await expect(page.getByText("0 of 5")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const { rows: discounts } = await db().query(
    `SELECT "kind","value","usageLimit","isActive" FROM "Discount" WHERE "code" = $1`,
    [code],
  );
  expect(discounts).toEqual([{ kind: "percentage", value: 1500, usageLimit: 5, isActive: true }]);

  await page.getByRole("button", { name: "Switch off" }).click();
  await expect(page.getByText("15 % off · Switched off")).toBeVisible();

  // the list finds it by code typed in lower case, with its uses and state
  await page.goto(`/admin/shop/discounts?q=${code.toLowerCase()}`);
  const discountRow = page.getByRole("table", { name: "Discount codes" }).getByRole("row", { name: new RegExp(code) });
  await expect(discountRow).toContainText("15 % off");
  await expect(discountRow).toContainText("0 of 5");
  await expect(discountRow).toContainText("Switched off");
  await expectNoSeriousA11yViolations(page);

  // a gift card for a recipient, who gets the code by e-mail
  const recipient = uniqueEmail("gift");
  await page.goto("/admin/shop/gift-cards");
  await expect(page.getByRole("heading", { level: 1, name: "Gift cards" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Amount (USD)").fill("25");
  await page.getByLabel("Recipient e-mail (optional)").fill(recipient);
  await page.getByRole("button", { name: "Issue gift card" }).click();
  const shownCode = page.getByTestId("gift-card-code");
  await expect(shownCode).toHaveText(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  await expect(page.getByTestId("gift-card-balance")).toHaveText("$25.00");
  const cardCode = (await shownCode.textContent())!;
  const mail = await latestEmail(recipient);
  expect(mail.subject).toContain("$25.00");
  expect(mail.text).toContain(cardCode);
  await expectNoSeriousA11yViolations(page);

  // taking off more than the balance is refused; a smaller adjustment lands in the ledger
  await page.getByLabel("Change").selectOption("remove");
  await page.getByLabel("Amount (USD)").fill("30");
  await page.getByLabel("Reason").fill("Goodwill correction");
  await page.getByRole("button", { name: "Adjust balance" }).click();
  await expect(page.getByText("The card only has $25.00 left; you cannot take off more.")).toBeVisible();
  await expect(page.getByLabel("Reason")).toHaveValue("Goodwill correction");
  await page.getByLabel("Amount (USD)").fill("5");
  await page.getByRole("button", { name: "Adjust balance" }).click();
  await expect(page.getByTestId("gift-card-balance")).toHaveText("$20.00");
  const ledger = page.getByRole("table", { name: "Every change of the balance, newest first" });
  await expect(ledger.getByRole("row", { name: /Adjusted/ })).toContainText("-$5.00");
  await expect(ledger.getByRole("row", { name: /Adjusted/ })).toContainText("Goodwill correction");
  await expect(ledger.getByRole("row", { name: /Issued/ })).toContainText("+$25.00");

  await page.getByRole("button", { name: "Switch off card" }).click();
  await expect(page.getByRole("button", { name: "Switch on card" })).toBeVisible();
  const { rows: cards } = await db().query(`SELECT "balance","isActive" FROM "GiftCard" WHERE "code" = $1`, [
    cardCode.replaceAll("-", ""),
  ]);
  expect(cards).toEqual([{ balance: 2000, isActive: false }]);
});

test("shop settings refuse offline payment without instructions and keep what was typed", async ({ page }) => {
  const admin = await createUser({ name: "Settings Admin", roles: ["admin"] });
  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/shop/settings" });
  await expect(page.getByRole("heading", { level: 1, name: "Shop settings" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Reservation time (minutes)").fill("30");
  await page.getByLabel("Offer offline payment (pay on pickup or bank transfer)").check();
  await page.getByLabel("Payment instructions").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Tell customers how to pay when offline payment is on.")).toBeVisible();
  await expect(page.getByLabel("Reservation time (minutes)")).toHaveValue("30");
});
