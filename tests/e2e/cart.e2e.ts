// The cart with and without JavaScript: add from the product page, quantities refused with a clear
// message (the cart unchanged), the header count, discount codes (refused, pending with a reason,
// applied), gift cards, removing a line; a refused add of an item that sold out meanwhile; and the
// guest's cart following them when they sign in.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createUser, db } from "../fixtures/db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { loginAs } from "./support/login";

async function seedProduct({ stock, price }: { stock: number; price: number }) {
  const tag = randomUUID().slice(0, 8);
  const productId = `e2ecart${tag}`;
  const title = `Ceramic Bowl ${tag}`;
  await db().query(
    `INSERT INTO "Product" ("id","slug","title","descriptionHtml","searchText","status","kind","optionNames","taxable","minPrice","publishedAt","updatedAt")
     VALUES ($1,$2,$3,'<p>Thrown by hand.</p>','Thrown by hand.','active','physical','{}',true,$4,now(),now())`,
    [productId, `cart-${tag}`, title, price],
  );
  const variantId = `e2ecartv${tag}`;
  await db().query(
    `INSERT INTO "ProductVariant" ("id","productId","sku","title","optionValues","price","stockOnHand","trackInventory","position","updatedAt")
     VALUES ($1,$2,$3,'','{}',$4,$5,true,0,now())`,
    [variantId, productId, `CART-${tag}`.toUpperCase(), price, stock],
  );
  return { slug: `cart-${tag}`, title, variantId, tag: tag.toUpperCase() };
}

async function seedDiscount(code: string, { percent, minSubtotal = null }: { percent: number; minSubtotal?: number | null }) {
  await db().query(
    `INSERT INTO "Discount" ("id","code","kind","value","minSubtotal","productIds","categoryIds","updatedAt")
     VALUES ($1,$2,'percentage',$3,$4,'{}','{}',now())`,
    [`e2ed${randomUUID().slice(0, 12)}`, code, percent * 100, minSubtotal],
  );
}

async function seedGiftCard(code: string, balance: number) {
  await db().query(`INSERT INTO "GiftCard" ("id","code","initialBalance","balance","updatedAt") VALUES ($1,$2,$3,$3,now())`, [
    `e2eg${randomUUID().slice(0, 12)}`,
    code,
    balance,
  ]);
}

async function addFromProductPage(page: Page, slug: string, title: string, quantity: number) {
  await page.goto(`/shop/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByLabel("Quantity").fill(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL(/\/cart$/);
}

const cartQuantity = async (variantId: string) =>
  (await db().query(`SELECT COALESCE(SUM("quantity"),0)::int AS q FROM "CartItem" WHERE "variantId" = $1`, [variantId])).rows[0]
    .q as number;

test("a guest fills the cart, bad quantities are refused, codes and gift cards change the totals", async ({ page }) => {
  const product = await seedProduct({ stock: 3, price: 2500 });
  const big = `BIG${product.tag}`;
  const ten = `TEN${product.tag}`;
  const card = `${product.tag}${product.tag}`; // 16 characters
  await seedDiscount(big, { percent: 20, minSubtotal: 10_000 });
  await seedDiscount(ten, { percent: 10 });
  await seedGiftCard(card, 2000);

  await addFromProductPage(page, product.slug, product.title, 2);
  await expect(page.getByRole("heading", { level: 1, name: "Your cart" })).toBeVisible();
  await expect(page.getByRole("link", { name: product.title })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart 2 items" })).toBeVisible();
  await expect(page.getByTestId("line-total")).toHaveText("$50.00");
  await expectNoSeriousA11yViolations(page);

  // More than in stock: refused next to the field, the typed value kept, the cart unchanged.
  const quantity = page.getByLabel(`Quantity of ${product.title}`);
  await quantity.fill("5");
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText("Only 3 left in stock.")).toBeVisible();
  await expect(quantity).toHaveValue("5");
  await expect(page.getByTestId("line-total")).toHaveText("$50.00");
  expect(await cartQuantity(product.variantId)).toBe(2);

  for (const [typed, message] of [
    ["two", "Enter the quantity as a number, like 1 or 2."],
    ["1.5", "Enter a whole number, like 1 or 2."],
    ["-1", "The quantity cannot be negative. Use 0 to remove the item."],
  ]) {
    await quantity.fill(typed);
    await page.getByRole("button", { name: "Update" }).click();
    await expect(page.getByText(message)).toBeVisible();
    expect(await cartQuantity(product.variantId)).toBe(2);
  }

  await quantity.fill("3");
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByTestId("line-total")).toHaveText("$75.00");
  await expect(page.getByRole("link", { name: "Cart 3 items" })).toBeVisible();

  // Discount codes: unknown → refused; a minimum not reached → kept with the reason; then a good one.
  const codeField = page.getByRole("textbox", { name: "Discount code" });
  const apply = page.getByRole("button", { name: "Apply", exact: true });
  await codeField.fill("no-such-code");
  await apply.click();
  await expect(page.getByText("We do not recognise the code NO-SUCH-CODE. Check the spelling.")).toBeVisible();

  await codeField.fill(big.toLowerCase());
  await apply.click();
  await expect(page.getByTestId("discount-refusal")).toHaveText(
    `Code ${big} saved, but it does not apply yet: A minimum order of $100.00 is required for this code.`,
  );
  await expect(page.getByRole("button", { name: "Checkout" })).toBeDisabled();

  await codeField.fill(ten);
  await apply.click();
  await expect(page.getByTestId("cart-discount")).toHaveText("-$7.50");
  await expect(page.getByTestId("cart-total")).toHaveText("$67.50");
  await expect(page.getByRole("button", { name: "Checkout" })).toBeEnabled();

  // A gift card typed in lower case with dashes pays part of it.
  const dashed = (card.match(/.{4}/g) ?? []).join("-");
  await page.getByLabel("Gift card code").fill(dashed.toLowerCase());
  await page.getByRole("button", { name: "Apply gift card" }).click();
  await expect(page.getByTestId("gift-card-applied")).toContainText(dashed);
  await expect(page.getByTestId("cart-amount-due")).toHaveText("$47.50");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: `Remove ${product.title}` }).click();
  await expect(page.getByTestId("cart-empty")).toHaveText("Your cart is empty.");
  await expect(page.getByRole("link", { name: "Cart", exact: true })).toBeVisible();
  expect(await cartQuantity(product.variantId)).toBe(0);
});

test("adding an item that sold out while the page was open is refused with the reason", async ({ page }) => {
  const product = await seedProduct({ stock: 1, price: 4000 });
  await page.goto(`/shop/${product.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible();
  await db().query(`UPDATE "ProductVariant" SET "stockOnHand" = 0 WHERE "id" = $1`, [product.variantId]);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This item is out of stock." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the product" })).toHaveAttribute("href", `/shop/${product.slug}`);
  expect(await cartQuantity(product.variantId)).toBe(0);
});

test("the guest's cart joins the customer's cart at sign-in", async ({ page }) => {
  const user = await createUser();
  const product = await seedProduct({ stock: 5, price: 1500 });
  await addFromProductPage(page, product.slug, product.title, 2);
  await loginAs(page, user.email, user.password, { redirectTo: "/cart" });
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByLabel(`Quantity of ${product.title}`)).toHaveValue("2");
  await expect(page.getByRole("link", { name: "Cart 2 items" })).toBeVisible();
  const { rows } = await db().query(
    `SELECT c."userId" FROM "CartItem" i JOIN "Cart" c ON c."id" = i."cartId" WHERE i."variantId" = $1`,
    [product.variantId],
  );
  expect(rows).toEqual([{ userId: user.id }]);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name === "__cart")).toBe(false);
});
