// Paying by card, with and without JavaScript: product → variant → cart → discount → checkout → the
// (fake) Stripe payment page → its signed webhook → a paid order and its e-mail. Stripe is asked for
// exactly the amount the review page showed. A customer who cancels on Stripe's page comes back to pay
// again (the same session), a declined card leaves the order waiting, and paying then works.
// The fake Stripe is started by global-setup.ts; the app under test is configured for it (env.ts).
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { fakeStripeClient } from "../setup/fake-stripe";
import { db, latestEmail, uniqueEmail } from "../fixtures/db";
import { FAKE_STRIPE_URL } from "./env";
import { expectNoSeriousA11yViolations } from "./support/a11y";

const stripe = fakeStripeClient(FAKE_STRIPE_URL);

/** A product with two sizes, shipping to Iceland and a 10% code, straight into the database. */
async function seedShop() {
  const tag = randomUUID().slice(0, 8);
  const productId = `e2eprod${tag}`;
  const title = `Stripe Tee ${tag}`;
  await db().query(
    `INSERT INTO "Product" ("id","slug","title","descriptionHtml","searchText","status","kind","optionNames","taxable","minPrice","publishedAt","updatedAt")
     VALUES ($1,$2,$3,'<p>Organic cotton.</p>','Organic cotton.','active','physical',$4,true,2500,now(),now())`,
    [productId, `stripe-tee-${tag}`, title, ["Size"]],
  );
  for (const [position, size] of ["S", "M"].entries()) {
    await db().query(
      `INSERT INTO "ProductVariant" ("id","productId","sku","title","optionValues","price","stockOnHand","trackInventory","position","updatedAt")
       VALUES ($1,$2,$3,$4,$5,2500,5,true,$6,now())`,
      [`e2evar${tag}${size}`, productId, `TEE-${tag}-${size}`.toUpperCase(), size, [size], position],
    );
  }
  // One Iceland zone for every test (the shop ships to a country from one zone): created once.
  const method = "Iceland courier";
  await db().query(
    `INSERT INTO "ShippingZone" ("id","name","countries","updatedAt") VALUES ('e2e-stripe-zone','Iceland',$1,now()) ON CONFLICT ("id") DO NOTHING`,
    [["IS"]],
  );
  await db().query(
    `INSERT INTO "ShippingMethod" ("id","zoneId","name","rate","isActive","position","updatedAt")
     VALUES ('e2e-stripe-courier','e2e-stripe-zone',$1,700,true,0,now()) ON CONFLICT ("id") DO NOTHING`,
    [method],
  );
  const code = `CARD${tag}`.toUpperCase();
  await db().query(
    `INSERT INTO "Discount" ("id","code","kind","value","productIds","categoryIds","updatedAt") VALUES ($1,$2,'percentage',1000,'{}','{}',now())`,
    [`e2edisc${tag}`, code],
  );
  return { slug: `stripe-tee-${tag}`, title, method, code, mVariantId: `e2evar${tag}M` };
}

/** From the product page to Stripe's payment page; returns the order number shown in Stripe's line. */
async function checkoutToStripe(page: Page, shop: Awaited<ReturnType<typeof seedShop>>, email: string) {
  await page.goto(`/shop?q=${encodeURIComponent(shop.title)}`);
  await page.getByRole("link", { name: shop.title }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: shop.title })).toBeVisible();

  await page.getByLabel("Size").selectOption("M");
  if (test.info().project.use.javaScriptEnabled === false) await page.getByRole("button", { name: "Show this option" }).click();
  await expect(page).toHaveURL(/Size=M/);
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();

  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your cart" })).toBeVisible();
  await page.getByRole("textbox", { name: "Discount code" }).fill(shop.code.toLowerCase());
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByText(`Code ${shop.code} applied.`)).toBeVisible();
  await page.getByRole("button", { name: "Checkout" }).click();

  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Full name").fill("Katrín Jónsdóttir");
  await page.getByLabel("Address", { exact: true }).fill("Laugavegur 1");
  await page.getByLabel("City").fill("Reykjavík");
  await page.getByLabel("Postal code").fill("101");
  await page.getByLabel("Country").selectOption("IS");
  await page.getByRole("button", { name: "Continue to shipping" }).click();

  await page.getByRole("radio", { name: new RegExp(shop.method) }).check();
  await page.getByRole("button", { name: "Continue to review" }).click();

  // 2 × $25.00 − 10% + $7.00 shipping = $52.00
  await expect(page.getByRole("heading", { level: 1, name: "Review and pay" })).toBeVisible();
  await page.getByRole("radio", { name: /Card/ }).check();
  await page.getByRole("button", { name: "Place order and pay $52.00" }).click();

  await expect(page).toHaveURL(new RegExp(`^${FAKE_STRIPE_URL}/pay/cs_test_`));
  await expect(page.getByTestId("amount")).toHaveText("52.00 USD");
  await expect(page.getByTestId("line-description")).toHaveText(`2 × ${shop.title} (M)`);
  const line = await page.getByTestId("line-name").textContent();
  const number = /^Order (\S+)$/.exec(line ?? "")?.[1];
  expect(number).toBeTruthy();
  return number as string;
}

async function orderRow(number: string) {
  const { rows } = await db().query(
    `SELECT "id","status","paymentMethod","amountDue","email","stripeCheckoutSessionId","stripePaymentIntentId" FROM "Order" WHERE "number" = $1`,
    [number],
  );
  return rows[0] as {
    id: string;
    status: string;
    paymentMethod: string;
    amountDue: number;
    email: string;
    stripeCheckoutSessionId: string | null;
    stripePaymentIntentId: string | null;
  };
}

test("a customer pays by card on Stripe and sees the order paid", async ({ page }) => {
  const shop = await seedShop();
  const email = uniqueEmail("card-buyer");
  const number = await checkoutToStripe(page, shop, email);

  // Stripe was asked for exactly the amount due, once, as one line
  const creates = (await stripe.requests()).filter((r) => r.path === "/v1/checkout/sessions" && r.body.customer_email === email);
  expect(creates).toHaveLength(1);
  expect(creates[0].body["line_items[0][price_data][unit_amount]"]).toBe("5200");
  expect(creates[0].body["line_items[0][price_data][currency]"]).toBe("usd");
  expect(creates[0].body["line_items[0][price_data][product_data][description]"]).toBe(`2 × ${shop.title} (M)`);
  const pending = await orderRow(number);
  expect(pending).toMatchObject({ status: "pending_payment", paymentMethod: "stripe", amountDue: 5200 });

  await page.getByRole("button", { name: "Pay", exact: true }).click();

  // back on the shop: the webhook arrived before the redirect, the order is paid
  await expect(page).toHaveURL(new RegExp(`/order/${number}\\?key=[^&]+&paid=1$`));
  await expect(page.getByRole("heading", { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(page.getByText("Paid", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const paid = await orderRow(number);
  expect(paid.status).toBe("paid");
  expect(paid.stripePaymentIntentId).toMatch(/^pi_test_/);
  const { rows: events } = await db().query(`SELECT "type","processedAt" FROM "StripeEvent" WHERE "orderId" = $1`, [paid.id]);
  expect(events).toEqual([{ type: "checkout.session.completed", processedAt: expect.any(Date) }]);
  const { rows: stock } = await db().query(`SELECT "stockOnHand","stockReserved" FROM "ProductVariant" WHERE "id" = $1`, [
    shop.mVariantId,
  ]);
  expect(stock[0]).toEqual({ stockOnHand: 3, stockReserved: 0 });
  const mail = await latestEmail(email);
  expect(mail.text).toContain(number);
  expect(mail.text).toContain("$52.00");
});

test("a customer who cancels on Stripe's page pays again, after a declined card", async ({ page }) => {
  const shop = await seedShop();
  const email = uniqueEmail("card-retry");
  const number = await checkoutToStripe(page, shop, email);
  const { stripeCheckoutSessionId: firstSession } = await orderRow(number);

  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/checkout/pay/${number}\\?.*cancelled=1`));
  await expect(page.getByRole("heading", { level: 1, name: `Pay for order ${number}` })).toBeVisible();
  await expect(page.getByText("The payment was cancelled.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  expect((await orderRow(number)).status).toBe("pending_payment");

  // paying again returns to the same, still open, session: one way to pay, never two
  await page.getByRole("button", { name: "Pay $52.00" }).click();
  await expect(page).toHaveURL(`${FAKE_STRIPE_URL}/pay/${firstSession}`);

  await page.getByRole("button", { name: "Decline card" }).click();
  await expect(page.getByRole("alert")).toHaveText("Your card was declined.");
  await expect
    .poll(
      async () =>
        (
          await db().query(
            `SELECT count(*)::int AS n FROM "AuditLog" WHERE "entityId" = $1 AND "action" = 'order.payment_failed'`,
            [(await orderRow(number)).id],
          )
        ).rows[0].n,
    )
    .toBe(1);
  expect((await orderRow(number)).status).toBe("pending_payment");

  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/order/${number}\\?`));
  await expect(page.getByText("Paid", { exact: true })).toBeVisible();
  const creates = (await stripe.requests()).filter((r) => r.path === "/v1/checkout/sessions" && r.body.customer_email === email);
  expect(creates).toHaveLength(1);
  expect((await orderRow(number)).status).toBe("paid");
});
