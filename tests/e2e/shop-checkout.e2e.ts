// Checking out without a card, with and without JavaScript: product → cart → contact and address →
// shipping → review → "bank transfer" → the confirmation page with the payment instructions, the
// e-mail with the guest's signed link, and the stock taken. A cart whose last unit sells while the
// customer looks at it is refused with the item named and nothing reserved; a digital item paid in
// full by a gift card can be downloaded from the confirmation page.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { db, latestEmail, linkIn, uniqueEmail } from "../fixtures/db";
import { expectNoSeriousA11yViolations } from "./support/a11y";

const INSTRUCTIONS = "Transfer the amount to IBAN IS14 0159 2600 7654 5510 7303 39 within 7 days.";

async function offlinePayments() {
  await db().query(
    `INSERT INTO "ShopSettings" ("id","offlinePayment","offlineInstructions","updatedAt") VALUES (1,true,$1,now())
     ON CONFLICT ("id") DO UPDATE SET "offlinePayment" = true, "offlineInstructions" = $1`,
    [INSTRUCTIONS],
  );
}

/** One active product with one variant (no options), straight into the database. */
async function seedProduct({
  stock,
  price = 1800,
  kind = "physical",
}: {
  stock: number;
  price?: number;
  kind?: "physical" | "digital";
}) {
  const tag = randomUUID().slice(0, 8);
  const productId = `e2eco${tag}`;
  const title = `${kind === "digital" ? "Field Recording" : "Wool Scarf"} ${tag}`;
  await db().query(
    `INSERT INTO "Product" ("id","slug","title","descriptionHtml","searchText","status","kind","optionNames","taxable","minPrice","publishedAt","updatedAt")
     VALUES ($1,$2,$3,'<p>Made to last.</p>','Made to last.','active',$4,'{}',true,$5,now(),now())`,
    [productId, `checkout-${tag}`, title, kind, price],
  );
  const variantId = `e2ecov${tag}`;
  await db().query(
    `INSERT INTO "ProductVariant" ("id","productId","sku","title","optionValues","price","stockOnHand","trackInventory","position","updatedAt")
     VALUES ($1,$2,$3,'','{}',$4,$5,true,0,now())`,
    [variantId, productId, `CO-${tag}`.toUpperCase(), price, stock],
  );
  if (kind === "digital") {
    await db().query(
      `INSERT INTO "DigitalAsset" ("id","productId","fileName","contentType","byteSize","sha256","data") VALUES ($1,$2,'recording.txt','text/plain',11,'x',$3)`,
      [`e2ecoa${tag}`, productId, Buffer.from("bird songs\n")],
    );
  }
  // One zone for Greenland, shared by every run (a country no other test ships to): the first zone
  // listing a country is the one checkout uses.
  const method = "Greenland Post";
  await db().query(
    `INSERT INTO "ShippingZone" ("id","name","countries","updatedAt") VALUES ('e2ecozone-gl','Greenland','{GL}',now()) ON CONFLICT ("id") DO NOTHING`,
  );
  await db().query(
    `INSERT INTO "ShippingMethod" ("id","zoneId","name","rate","isActive","position","updatedAt")
     VALUES ('e2ecomethod-gl','e2ecozone-gl',$1,900,true,0,now()) ON CONFLICT ("id") DO NOTHING`,
    [method],
  );
  return { slug: `checkout-${tag}`, title, variantId, method };
}

/** From the product page into the cart, then to the cart page. */
async function addToCart(page: Page, product: { slug: string; title: string }, quantity: number) {
  await page.goto(`/shop/${product.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible();
  await page.getByLabel("Quantity").fill(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  // The header's cart count says the item is in (with JavaScript the form posts in the background).
  await expect(page.getByTestId("nav-cart")).toContainText(String(quantity));
  await page.goto("/cart");
  await expect(page.getByRole("button", { name: "Checkout" })).toBeVisible();
}

const stock = async (variantId: string) =>
  (await db().query(`SELECT "stockOnHand","stockReserved" FROM "ProductVariant" WHERE "id" = $1`, [variantId])).rows[0] as {
    stockOnHand: number;
    stockReserved: number;
  };

test("a guest orders with a bank transfer and gets the instructions on the page and by e-mail", async ({ page, browser }) => {
  await offlinePayments();
  const product = await seedProduct({ stock: 4 });
  const email = uniqueEmail("transfer-buyer");
  await addToCart(page, product, 2);
  await page.getByRole("button", { name: "Checkout" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Contact and address" })).toBeVisible();
  await expect(page.getByTestId("reservation-notice")).toContainText("Your items are reserved until");
  expect(await stock(product.variantId)).toEqual({ stockOnHand: 4, stockReserved: 2 });
  await expectNoSeriousA11yViolations(page);

  // A wrong e-mail is refused next to the field, the rest is kept.
  await page.getByLabel("E-mail").fill("not-an-address");
  await page.getByLabel("Full name").fill("Aviaja Lynge");
  await page.getByLabel("Address", { exact: true }).fill("Aqqusinersuaq 3");
  await page.getByLabel("City").fill("Nuuk");
  await page.getByLabel("Postal code").fill("3900");
  await page.getByLabel("Country").selectOption("GL");
  await page.getByRole("button", { name: "Continue to shipping" }).click();
  if (test.info().project.use.javaScriptEnabled === false) {
    await expect(page.getByText("Enter a valid e-mail address, like name@example.com.")).toBeVisible();
    await expect(page.getByLabel("City")).toHaveValue("Nuuk");
  }
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Continue to shipping" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Shipping method" })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(product.method) }).check();
  await page.getByRole("button", { name: "Continue to review" }).click();

  // 2 × $18.00 + $9.00 shipping, no tax rate for Greenland = $45.00
  await expect(page.getByRole("heading", { level: 1, name: "Review and pay" })).toBeVisible();
  await expect(page.getByTestId("grand-total")).toHaveText("$45.00");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("radio", { name: /Bank transfer/ }).check();
  await page.getByRole("button", { name: "Place order and pay $45.00" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /^Order VS-/ })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("Waiting for payment");
  await expect(page.getByTestId("payment-instructions")).toHaveText(INSTRUCTIONS);
  await expect(page.getByText("Please pay $45.00, mentioning the order number")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const number = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").replace("Order ", "");

  // The units left the shelf; the cart is empty.
  expect(await stock(product.variantId)).toEqual({ stockOnHand: 2, stockReserved: 0 });
  await page.goto("/cart");
  await expect(page.getByText("Your cart is empty.")).toBeVisible();

  // The e-mail carries the instructions and a link that opens the order for the guest, elsewhere.
  const mail = await latestEmail(email, { subjectIncludes: number });
  expect(mail.subject).toBe(`Order ${number} received: payment instructions`);
  expect(mail.text).toContain(INSTRUCTIONS);
  const link = linkIn(mail.text, `/order/${number}`);
  const elsewhere = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled });
  const guestPage = await elsewhere.newPage();
  await guestPage.goto(link);
  await expect(guestPage.getByRole("heading", { level: 1, name: `Order ${number}` })).toBeVisible();
  // Without the key the order is not shown.
  const bare = await guestPage.goto(`/order/${number}`);
  expect(bare?.status()).toBe(404);
  await elsewhere.close();
});

test("a cart whose last unit sold meanwhile is refused at checkout, naming the item", async ({ page }) => {
  const product = await seedProduct({ stock: 2 });
  await addToCart(page, product, 2);
  // Someone else buys one while this customer looks at the cart.
  await db().query(`UPDATE "ProductVariant" SET "stockOnHand" = 1 WHERE "id" = $1`, [product.variantId]);
  await page.getByRole("button", { name: "Checkout" }).click();

  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByText(`Only 1 of ${product.title} is left. Change the quantity to check out.`)).toBeVisible();
  expect(await stock(product.variantId)).toEqual({ stockOnHand: 1, stockReserved: 0 });
});

test("a digital item paid in full by a gift card is downloadable from the confirmation page", async ({ page }) => {
  const product = await seedProduct({ stock: 10, price: 1200, kind: "digital" });
  const code = `E2E${randomUUID().replace(/-/g, "").slice(0, 13)}`.toUpperCase();
  await db().query(`INSERT INTO "GiftCard" ("id","code","initialBalance","balance","updatedAt") VALUES ($1,$2,5000,5000,now())`, [
    `e2egc${code}`,
    code,
  ]);
  await addToCart(page, product, 1);
  await page.getByLabel("Gift card code").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Apply gift card" }).click();
  await page.getByRole("button", { name: "Checkout" }).click();

  await expect(page.getByText("Your cart only has digital items")).toBeVisible();
  await page.getByLabel("E-mail").fill(uniqueEmail("digital-buyer"));
  await page.getByLabel("Country").selectOption("GL");
  await page.getByRole("button", { name: "Continue to review" }).click();

  await expect(page.getByText("Your gift cards cover the whole order: nothing more to pay.")).toBeVisible();
  await page.getByRole("button", { name: "Place order", exact: true }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  const download = page.getByRole("link", { name: `Download ${product.title}` });
  await expect(download).toBeVisible();
  const href = await download.getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toContain('filename="recording.txt"');
  expect(await response.text()).toBe("bird songs\n");
  const balance = (await db().query(`SELECT "balance" FROM "GiftCard" WHERE "code" = $1`, [code])).rows[0].balance;
  expect(balance).toBe(3800);
});
