// Orders operations end to end, with and without JavaScript: an admin finds a paid order by its
// number, ships it with a carrier and tracking number (a bad one is refused), refunds part of it
// (a wrong amount is refused next to the field and nothing changes); the customer got the shipping
// and refund e-mails and sees the order, its tracking and the refund under Account → Orders.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import Stripe from "stripe";
import { createUser, db } from "../fixtures/db";
import { fakeStripeClient } from "../setup/fake-stripe";
import { FAKE_STRIPE_PORT, FAKE_STRIPE_URL } from "./env";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { loginAs } from "./support/login";

/** A card payment of `amount` at the fake Stripe (a session paid on its hosted page); its payment intent id. */
async function fakeCardPayment(amount: number): Promise<string> {
  const stripe = new Stripe("sk_test_verso_e2e", { host: "127.0.0.1", port: FAKE_STRIPE_PORT, protocol: "http" });
  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    success_url: "http://127.0.0.1/ok",
    line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: amount, product_data: { name: "Order" } } }],
  });
  await fetch(`${FAKE_STRIPE_URL}/pay/${session.id}/complete`, { method: "POST", redirect: "manual" });
  const paid = await stripe.checkout.sessions.retrieve(session.id);
  return String(paid.payment_intent);
}

/** A paid order of 2 × $20.00 for `userId` (offline, or by card with `paymentIntentId`), straight into the database. */
async function seedPaidOrder(userId: string, email: string, paymentIntentId: string | null = null) {
  const tag = randomUUID().slice(0, 8);
  const productId = `e2eor${tag}`;
  const variantId = `e2eorv${tag}`;
  const title = `Canvas Tote ${tag}`;
  await db().query(
    `INSERT INTO "Product" ("id","slug","title","descriptionHtml","searchText","status","kind","optionNames","taxable","minPrice","publishedAt","updatedAt")
     VALUES ($1,$2,$3,'<p>Sturdy.</p>','Sturdy.','active','physical','{}',true,2000,now(),now())`,
    [productId, `tote-${tag}`, title],
  );
  await db().query(
    `INSERT INTO "ProductVariant" ("id","productId","sku","title","optionValues","price","stockOnHand","trackInventory","position","updatedAt")
     VALUES ($1,$2,$3,'','{}',2000,8,true,0,now())`,
    [variantId, productId, `TOTE-${tag}`.toUpperCase()],
  );
  const orderId = `e2eoro${tag}`;
  const number = `VS-${tag.slice(0, 4)}-${tag.slice(4, 8)}`.toUpperCase();
  await db().query(
    `INSERT INTO "Order" ("id","number","userId","email","status","paymentMethod","stripePaymentIntentId","currency","merchandiseSubtotal",
       "grandTotal","amountDue","shipName","shipLine1","shipCity","shipPostalCode","shipCountry","paidAt","updatedAt")
     VALUES ($1,$2,$3,$4,'paid',$5,$6,'USD',4000,4000,4000,'Ada Buyer','1 Main St','Springfield','62701','US',now(),now())`,
    [orderId, number, userId, email, paymentIntentId ? "stripe" : "offline", paymentIntentId],
  );
  await db().query(
    `INSERT INTO "OrderItem" ("id","orderId","productId","variantId","title","variantTitle","sku","unitPrice","quantity","lineTotal","requiresShipping")
     VALUES ($1,$2,$3,$4,$5,'',$6,2000,2,4000,true)`,
    [`e2eori${tag}`, orderId, productId, variantId, title, `TOTE-${tag}`.toUpperCase()],
  );
  // checkout took the 2 units off the shelf (10 → 8) and said so, as placing an order does
  await db().query(
    `INSERT INTO "InventoryAdjustment" ("id","variantId","delta","stockAfter","reason","orderId") VALUES ($1,$2,-2,8,$3,$4)`,
    [`e2eora${tag}`, variantId, `Sold: order ${number}`, orderId],
  );
  return { orderId, number, title, variantId };
}

test("an admin ships a paid order and refunds part of it; the customer sees both", async ({ page, browser }) => {
  const admin = await createUser({ name: "Olga Operations", roles: ["commercial"] });
  const customer = await createUser({ name: "Ada Buyer" });
  const { orderId, number, title } = await seedPaidOrder(customer.id, customer.email);

  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/shop/orders" });
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  await page.getByLabel("Number, e-mail or name").fill(number.toLowerCase());
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=/);
  const table = page.getByRole("table", { name: /Orders sorted by/ });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
  await table.getByRole("link", { name: number }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: title })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // ship it: the tracking number is checked, then the customer is told
  await page.getByLabel("Carrier").fill("UPS");
  await page.getByLabel("Tracking number").fill("!!");
  await page.getByRole("button", { name: "Mark fulfilled and notify the customer" }).click();
  await expect(page.getByText("The tracking number can only contain letters, digits, spaces and dashes.")).toBeVisible();
  await page.getByLabel("Tracking number").fill("1Z999AA10123456784");
  await page.getByRole("button", { name: "Mark fulfilled and notify the customer" }).click();
  await expect(page.getByText("Order fulfilled; the customer was e-mailed.")).toBeVisible();
  await expect(page.getByText("Shipped with UPS, tracking number 1Z999AA10123456784.")).toBeVisible();

  // a wrong amount is refused next to the field, with what was typed kept
  const amount = page.getByLabel("Amount to refund (USD)");
  await expect(amount).toHaveValue("40.00");
  await amount.fill("45.00");
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(page.getByText("That is more than can still be refunded.")).toBeVisible();
  await expect(page.getByLabel("Amount to refund (USD)")).toHaveValue("45.00");
  const none = await db().query(`SELECT count(*)::int AS n FROM "Refund" WHERE "orderId" = $1`, [orderId]);
  expect(none.rows[0].n).toBe(0);

  await page.getByLabel("Amount to refund (USD)").fill("15.00");
  await page.getByLabel("Reason (optional)").first().fill("One tote arrived stained");
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(page.getByText("$15.00 refunded.")).toBeVisible();
  await expect(page.getByText("Partially refunded").first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "One tote arrived stained" })).toBeVisible();
  await expect(page.getByLabel("Amount to refund (USD)")).toHaveValue("25.00");

  const { rows: order } = await db().query(`SELECT "status","refundedTotal" FROM "Order" WHERE "id" = $1`, [orderId]);
  expect(order[0]).toEqual({ status: "partially_refunded", refundedTotal: 1500 });
  const { rows: mails } = await db().query(
    `SELECT "template" FROM "EmailMessage" WHERE "to" = $1 AND "template" LIKE 'order-%' ORDER BY "createdAt"`,
    [customer.email],
  );
  expect(mails.map((row: { template: string }) => row.template)).toEqual(["order-shipped", "order-refunded"]);

  // the customer's own view
  const { javaScriptEnabled, baseURL } = test.info().project.use;
  const context = await browser.newContext({ javaScriptEnabled, baseURL });
  const own = await context.newPage();
  await loginAs(own, customer.email, customer.password, { redirectTo: "/account/orders" });
  await expect(own.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  await own.getByRole("link", { name: number }).click();
  await expect(own.getByRole("heading", { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(own.getByText("Shipped with UPS. Tracking number: 1Z999AA10123456784.")).toBeVisible();
  await expect(own.getByText(/\$15\.00 refunded on/)).toBeVisible();
  await expectNoSeriousA11yViolations(own);
  await context.close();
});

test("an admin refunds a card order in full through Stripe, with the items back in stock", async ({ page }) => {
  const admin = await createUser({ name: "Rita Refunds", roles: ["admin"] });
  const customer = await createUser({ name: "Ben Buyer" });
  const paymentIntentId = await fakeCardPayment(4000);
  const { orderId, number, variantId } = await seedPaidOrder(customer.id, customer.email, paymentIntentId);

  await loginAs(page, admin.email, admin.password, { redirectTo: `/admin/shop/orders/${orderId}` });
  await expect(page.getByRole("heading", { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(page.getByText("Card (Stripe)")).toBeVisible();
  await expect(page.getByLabel("Amount to refund (USD)")).toHaveValue("40.00");
  const refund = page.getByRole("region", { name: "Refund" });
  await refund.getByLabel("Return the items to stock").check();
  await refund.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(page.getByText("$40.00 refunded.")).toBeVisible();
  await expect(page.getByText("Refunded", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Refund", exact: true })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const asked = (await fakeStripeClient(FAKE_STRIPE_URL).requests()).filter(
    (request) => request.method === "POST" && request.path === "/v1/refunds" && request.body.payment_intent === paymentIntentId,
  );
  expect(asked.map((request) => request.body.amount)).toEqual(["4000"]);
  const { rows } = await db().query(`SELECT "status","refundedTotal" FROM "Order" WHERE "id" = $1`, [orderId]);
  expect(rows[0]).toEqual({ status: "refunded", refundedTotal: 4000 });
  const { rows: refunds } = await db().query(`SELECT "stripeRefundId","status" FROM "Refund" WHERE "orderId" = $1`, [orderId]);
  expect(refunds).toEqual([{ stripeRefundId: expect.stringMatching(/^re_/), status: "succeeded" }]);
  const { rows: variant } = await db().query(`SELECT "stockOnHand" FROM "ProductVariant" WHERE "id" = $1`, [variantId]);
  expect(variant[0].stockOnHand).toBe(10);
});
