// The catalogue admin with and without JavaScript: a product created through the form (a typed
// mistake refused next to the field, what was typed kept), an image uploaded and served as WebP
// renditions with immutable caching, stock adjusted with a reason, the low-stock view, a category.
// Both projects run at the same time on one database, so every name and SKU is unique per run.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { auditRows, createUser, db } from "../fixtures/db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { loginAs } from "./support/login";

test("an admin creates a product, adds an image, adjusts stock and finds it in the low-stock view", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(150_000); // a long journey on a shared machine
  const run = `${testInfo.project.name}-${randomUUID().slice(0, 6)}`;
  const title = `Field Notebook ${run}`;
  const sku = `NB-${run}`.toUpperCase();
  const admin = await createUser({ name: "Catalogue Admin", roles: ["commercial"] });
  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/shop/categories" });

  // a category to file it under
  await expect(page.getByRole("heading", { level: 1, name: "Categories" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(`Stationery ${run}`);
  await page.getByRole("button", { name: "Add category" }).click();
  await expect(page.getByRole("link", { name: `Stationery ${run}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // a price with a comma is refused next to the field, everything typed is kept
  await page.goto("/admin/shop/products/new");
  await expect(page.getByRole("heading", { level: 1, name: "New product" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Status").selectOption("active");
  await page.getByLabel("Description", { exact: true }).fill("<p>Dot grid, 120 pages.</p><script>alert(1)</script>");
  await page.getByLabel(`Stationery ${run}`).check();
  await page.getByLabel("SKU").fill(sku);
  await page.getByLabel("Price", { exact: true }).fill("12,50");
  await page.getByLabel("Initial stock").fill("8");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByText("Enter an amount like 19.99 (no currency sign, no negative).")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("SKU")).toHaveValue(sku);
  await page.getByLabel("Price", { exact: true }).fill("12.50");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Product created. Add images next.")).toBeVisible();

  const { rows: products } = await db().query(
    `SELECT p."id", p."slug", p."minPrice", p."descriptionHtml", v."stockOnHand" FROM "Product" p JOIN "ProductVariant" v ON v."productId" = p."id" WHERE v."sku" = $1`,
    [sku],
  );
  expect(products).toHaveLength(1);
  const product = products[0];
  expect(product.minPrice).toBe(1250);
  expect(product.stockOnHand).toBe(8);
  expect(product.descriptionHtml).toBe("<p>Dot grid, 120 pages.</p>");
  expect((await auditRows(product.id)).map((row) => [row.action, row.actorId])).toEqual([["product.create", admin.id]]);
  await expectNoSeriousA11yViolations(page);

  // an image: refused without alt text, then stored and served as WebP renditions
  await page.getByRole("link", { name: "0 images" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Images of ${title}` })).toBeVisible();
  const png = await sharp({ create: { width: 500, height: 300, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .png()
    .toBuffer();
  await page.getByLabel("Image file").setInputFiles({ name: "notebook.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByText("Describe the image for people who cannot see it.")).toBeVisible();
  await page.getByLabel("Image file").setInputFiles({ name: "notebook.png", mimeType: "image/png", buffer: png });
  await page.getByLabel("Alt text", { exact: true }).fill("A blue notebook, closed");
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByText("Image added.")).toBeVisible();
  const thumbnail = page.getByRole("img", { name: "A blue notebook, closed" });
  await expect(thumbnail).toBeVisible();
  const src = await thumbnail.getAttribute("src");
  expect(src).toMatch(/^\/media\/products\/[a-z0-9]+\/160\.webp$/);
  const served = await request.get(src!);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect((await request.get(src!.replace("160.webp", "640.webp"))).status()).toBe(404);
  await expectNoSeriousA11yViolations(page);

  // stock: a removal beyond what is there is refused; a damaged unit is recorded
  await page.getByRole("link", { name: "Back to the product" }).click();
  await page.getByRole("link", { name: "Adjust stock" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByLabel("Change").fill("-9");
  await page.getByLabel("Reason").fill("Damaged");
  await page.getByRole("button", { name: "Adjust stock" }).click();
  await expect(page.getByText("Stock cannot go below what open checkouts have reserved (0 of 8 on hand).")).toBeVisible();
  await expect(page.getByLabel("Reason")).toHaveValue("Damaged");
  await page.getByLabel("Change").fill("-5");
  await page.getByRole("button", { name: "Adjust stock" }).click();
  await expect(page.getByText("Stock adjusted: 3 on hand.")).toBeVisible();
  const history = page.getByRole("table", { name: "Stock changes, newest first" });
  await expect(history.getByRole("row").nth(1)).toContainText("-5");
  await expect(history.getByRole("row").nth(1)).toContainText("Damaged");
  await expectNoSeriousA11yViolations(page);

  // 3 sellable is at the default threshold (5): it shows in the low-stock view
  await page.goto(`/admin/shop/inventory?view=low&q=${encodeURIComponent(sku)}`);
  const low = page.getByRole("table", { name: /Variants with 5 or fewer sellable units/ });
  await expect(low.getByRole("row", { name: new RegExp(title) })).toContainText("3");
  await expectNoSeriousA11yViolations(page);
});

test("an admin builds an ordered collection and cannot delete a category still in use", async ({ page }, testInfo) => {
  const run = `${testInfo.project.name}-${randomUUID().slice(0, 6)}`;
  const { rows: made } = await db().query(
    `INSERT INTO "Category" ("id","name","slug","updatedAt") VALUES ($1, $2, $3, now()) RETURNING "id"`,
    [`cat-${run}`, `Paper ${run}`, `paper-${run}`],
  );
  const slugs = [`pencil-${run}`, `eraser-${run}`];
  for (const [index, slug] of slugs.entries()) {
    await db().query(
      `INSERT INTO "Product" ("id","slug","title","status","optionNames","updatedAt") VALUES ($1,$2,$3,'active','{}',now())`,
      [`prod-${index}-${run}`, slug, `Item ${index} ${run}`],
    );
    await db().query(`INSERT INTO "ProductCategory" ("productId","categoryId") VALUES ($1,$2)`, [
      `prod-${index}-${run}`,
      made[0].id,
    ]);
  }
  const admin = await createUser({ name: "Catalogue Admin", roles: ["commercial"] });
  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/shop/collections" });

  await page.getByLabel("Title", { exact: true }).fill(`Desk ${run}`);
  await page.getByRole("button", { name: "Add collection" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Desk ${run}` })).toBeVisible();
  await page.getByLabel("Product slug").fill("no-such-product");
  await page.getByRole("button", { name: "Add product" }).click();
  await expect(page.getByText("No product has this slug.")).toBeVisible();
  await expect(page.getByLabel("Product slug")).toHaveValue("no-such-product");
  for (const slug of slugs) {
    await page.getByLabel("Product slug").fill(slug);
    await page.getByRole("button", { name: "Add product" }).click();
    await expect(page.getByText("Product added to the collection.")).toBeVisible();
  }
  await page.getByRole("button", { name: `Move up Item 1 ${run}` }).click();
  const rows = page.getByRole("table", { name: `Products of Desk ${run} in order` }).getByRole("row");
  await expect(rows.nth(1)).toContainText(`Item 1 ${run}`);
  await expect(rows.nth(2)).toContainText(`Item 0 ${run}`);
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/admin/shop/categories/${made[0].id}`);
  await page.getByRole("button", { name: "Delete category" }).click();
  await expect(
    page.getByText("This category still has 0 subcategories and 2 products. Move them elsewhere first."),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
