// Browsing the shop with and without JavaScript: search, sort and category links, a product with
// options (the chosen variant's price, stock and image come from the server), out of stock refused,
// add to cart, JSON-LD, HTTP caching for anonymous visitors; and reviews: a customer with a
// delivered order writes one, an admin approves it, the product page shows it with the average.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { createUser, db } from "../fixtures/db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { loginAs } from "./support/login";

type Seeded = { tag: string; slug: string; title: string; variants: Record<string, string>; parent: string; child: string };

async function webp(width: number, colour: { r: number; g: number; b: number }) {
  return sharp({ create: { width, height: width, channels: 3, background: colour } })
    .webp()
    .toBuffer();
}

/** A category tree, a lantern with Size × Colour options (one option out of stock, one image per colour) and two other products. */
async function seedShop(): Promise<Seeded> {
  const tag = randomUUID().replace(/-/g, "").slice(0, 8);
  const parent = `Outdoor ${tag}`;
  const child = `Lanterns ${tag}`;
  await db().query(`INSERT INTO "Category" ("id","name","slug","updatedAt") VALUES ($1,$2,$3,now())`, [
    `c1${tag}`,
    parent,
    `outdoor-${tag}`,
  ]);
  await db().query(`INSERT INTO "Category" ("id","name","slug","parentId","updatedAt") VALUES ($1,$2,$3,$4,now())`, [
    `c2${tag}`,
    child,
    `lanterns-${tag}`,
    `c1${tag}`,
  ]);
  const product = async (id: string, title: string, price: number, categoryId: string | null, options: string[] = []) => {
    await db().query(
      `INSERT INTO "Product" ("id","slug","title","descriptionHtml","searchText","status","optionNames","minPrice","publishedAt","updatedAt")
       VALUES ($1,$2,$3,$4,$5,'active',$6,$7,now(),now())`,
      [
        id,
        `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
        title,
        `<p>Camping gear ${tag}.</p>`,
        `Camping gear ${tag}.`,
        options,
        price,
      ],
    );
    if (categoryId) await db().query(`INSERT INTO "ProductCategory" ("productId","categoryId") VALUES ($1,$2)`, [id, categoryId]);
  };
  const title = `Storm lantern ${tag}`;
  await product(`p1${tag}`, title, 2500, `c2${tag}`, ["Size", "Colour"]);
  await product(`p2${tag}`, `Tent ${tag}`, 9900, `c1${tag}`);
  await product(`p3${tag}`, `Mug ${tag}`, 900, null);
  await db().query(
    `INSERT INTO "ProductVariant" ("id","productId","sku","title","optionValues","price","stockOnHand","position","updatedAt") VALUES
     ($1,$2,$3,'Small / Red','{Small,Red}',2500,50,0,now()),
     ($4,$2,$5,'Large / Red','{Large,Red}',3200,3,1,now()),
     ($6,$2,$7,'Large / Green','{Large,Green}',3200,0,2,now())`,
    [`v1${tag}`, `p1${tag}`, `LAN-S-R-${tag}`, `v2${tag}`, `LAN-L-R-${tag}`, `v3${tag}`, `LAN-L-G-${tag}`],
  );
  await db().query(
    `INSERT INTO "ProductVariant" ("id","productId","sku","price","stockOnHand","position","updatedAt") VALUES
     ($1,$2,$3,9900,5,0,now()), ($4,$5,$6,900,5,0,now())`,
    [`v4${tag}`, `p2${tag}`, `TENT-${tag}`, `v5${tag}`, `p3${tag}`, `MUG-${tag}`],
  );
  for (const [i, colour, rgb] of [
    [1, "red", { r: 200, g: 30, b: 30 }],
    [2, "green", { r: 30, g: 160, b: 60 }],
  ] as const) {
    const imageId = `i${i}${tag}`;
    await db().query(
      `INSERT INTO "ProductImage" ("id","productId","position","alt","width","height") VALUES ($1,$2,$3,$4,320,320)`,
      [imageId, `p1${tag}`, i, `The ${colour} lantern`],
    );
    for (const width of [160, 320]) {
      const bytes = await webp(width, rgb);
      await db().query(
        `INSERT INTO "ProductImageRendition" ("id","imageId","width","height","contentType","byteSize","data") VALUES ($1,$2,$3,$3,'image/webp',$4,$5)`,
        [`r${i}${width}${tag}`, imageId, width, bytes.length, bytes],
      );
    }
  }
  await db().query(`UPDATE "ProductVariant" SET "imageId" = $1 WHERE "id" = $2`, [`i2${tag}`, `v3${tag}`]);
  return {
    tag,
    slug: title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    title,
    variants: { smallRed: `v1${tag}`, largeRed: `v2${tag}`, largeGreen: `v3${tag}` },
    parent,
    child,
  };
}

async function chooseOptions(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) await page.getByLabel(name, { exact: true }).selectOption(value);
  // Without JavaScript the button shows the choice; with it, changing a select already did.
  await page.getByRole("button", { name: "Show this option" }).click();
}

test("browse: search, sort, category, variant choice, out of stock refused, add to cart", async ({ page }) => {
  const shop = await seedShop();
  await page.goto(`/shop?q=${shop.tag}`);
  const cards = page.getByTestId("product-card");
  await expect(cards).toHaveCount(3);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("navigation", { name: "Sort products" }).getByRole("link", { name: "Price: low to high" }).click();
  await expect(cards.getByRole("heading")).toHaveText([`Mug ${shop.tag}`, `Storm lantern ${shop.tag}`, `Tent ${shop.tag}`]);
  await expect(cards.nth(1)).toContainText("From $25.00");

  // Rows written by SQL skip the catalogue's cache invalidation: open the category by its URL (the
  // listing then reloads its category list) and follow the sidebar from there.
  await page.goto(`/shop?q=${shop.tag}&category=outdoor-${shop.tag}&sort=price-asc`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Results for “${shop.tag}”`);
  await expect(cards.getByRole("heading")).toHaveText([`Storm lantern ${shop.tag}`, `Tent ${shop.tag}`]);
  await page.getByRole("link", { name: shop.child }).click();
  await expect(cards).toHaveCount(1);

  await cards.getByRole("link", { name: shop.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: shop.title })).toBeVisible();
  await expect(page.getByTestId("price").first()).toHaveText("$25.00");
  await expect(page.getByTestId("stock-state")).toHaveText("In stock");
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(
    ld.offers.map((o: { price: string; availability: string }) => [o.price, o.availability.replace("https://schema.org/", "")]),
  ).toEqual([
    ["25.00", "InStock"],
    ["32.00", "InStock"],
    ["32.00", "OutOfStock"],
  ]);
  await expectNoSeriousA11yViolations(page);

  await chooseOptions(page, { Size: "Large", Colour: "Green" });
  await expect(page).toHaveURL(/Size=Large&Colour=Green/);
  await expect(page.getByTestId("stock-state")).toHaveText("Out of stock");
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeDisabled();
  await expect(page.getByText("This option is out of stock and cannot be added to the cart.")).toBeVisible();
  await expect(page.getByRole("img", { name: "The green lantern" }).first()).toHaveAttribute(
    "srcset",
    /\/160\.webp 160w, .*\/320\.webp 320w/,
  );

  await chooseOptions(page, { Colour: "Red" });
  await expect(page.getByTestId("stock-state")).toHaveText("Only 3 left");
  await expect(page.getByTestId("price").first()).toHaveText("$32.00");
  await page.getByLabel("Quantity").fill("2");
  const added = page.waitForResponse(
    (response) => new URL(response.url()).pathname.startsWith("/cart") && response.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Add to cart" }).click();
  await added;
  await page.goto("/cart");
  await expect(page.getByRole("main")).toContainText(shop.title);
  await expect(page.getByRole("main")).toContainText("Large / Red");
  const { rows } = await db().query(`SELECT "quantity" FROM "CartItem" WHERE "variantId" = $1`, [shop.variants.largeRed]);
  expect(rows.map((r) => r.quantity)).toContain(2);
});

test("anonymous shop pages are public, carry no token or cookie, and revalidate with 304", async ({ request }) => {
  const shop = await seedShop();
  for (const path of [`/shop?q=${shop.tag}`, `/shop/${shop.slug}`]) {
    const first = await request.get(path, { headers: { Cookie: "" } });
    expect(first.status()).toBe(200);
    expect(first.headers()["cache-control"]).toMatch(/^public, max-age=\d+, s-maxage=\d+/);
    expect(first.headers()["set-cookie"]).toBeUndefined();
    const html = await first.text();
    // No per-visitor token: at most the inert placeholder root.tsx gives token-less pages.
    expect(/name="csrf" value="(?!none")/.test(html)).toBe(false);
    expect(html.includes('src="/media/products/')).toBe(true);
    const etag = first.headers()["etag"]!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await request.get(path, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    expect(await again.text()).toBe("");
  }
});

test("reviews: a customer with a delivered order writes one, an admin approves it, it shows with the average", async ({
  page,
  browser,
}) => {
  const shop = await seedShop();
  const customer = await createUser({ name: "Ada Lovelace" });
  const orderId = `o${shop.tag}`;
  await db().query(
    `INSERT INTO "Order" ("id","number","userId","email","status","paymentMethod","currency","merchandiseSubtotal","grandTotal","amountDue","placedAt","paidAt","deliveredAt","updatedAt")
     VALUES ($1,$2,$3,$4,'delivered','offline','USD',2500,2500,2500,now(),now(),now(),now())`,
    [orderId, `VS-${shop.tag.toUpperCase()}`, customer.id, customer.email],
  );
  await db().query(
    `INSERT INTO "OrderItem" ("id","orderId","productId","variantId","title","variantTitle","sku","unitPrice","quantity","lineTotal","requiresShipping")
     VALUES ($1,$2,$3,$4,$5,'Small / Red','X',2500,1,2500,true)`,
    [`oi${shop.tag}`, orderId, `p1${shop.tag}`, shop.variants.smallRed, shop.title],
  );

  await loginAs(page, customer.email, customer.password, { redirectTo: `/shop/${shop.slug}` });
  const reviews = page.getByRole("region", { name: "Reviews" });
  await expect(reviews.getByRole("heading", { name: "Write a review" })).toBeVisible();
  await reviews.getByLabel("Title").fill("Survived the storm");
  await reviews.getByRole("button", { name: "Submit review" }).click();
  await expect(reviews.getByText("Choose a rating from 1 to 5 stars.")).toBeVisible();
  await expect(reviews.getByText("Write your review.")).toBeVisible();
  await expect(reviews.getByLabel("Title")).toHaveValue("Survived the storm");
  await reviews.getByLabel("4 stars").check();
  await reviews.getByLabel("Your review").fill("Bright and sturdy.\nKept burning all night.");
  await reviews.getByRole("button", { name: "Submit review" }).click();
  await expect(page.getByText("Thank you! Your review will appear once it has been checked.")).toBeVisible();
  await expect(page.getByTestId("own-review-state")).toContainText("waiting to be checked");
  await expect(page.getByTestId("review")).toHaveCount(0);
  await page.goto("/account/reviews");
  await expect(page.getByTestId("my-review")).toContainText("Waiting for moderation");
  await expectNoSeriousA11yViolations(page);

  const admin = await createUser({ roles: ["admin"] });
  const adminPage = await (await browser.newContext({ javaScriptEnabled: test.info().project.name === "js" })).newPage();
  await loginAs(adminPage, admin.email, admin.password, { redirectTo: "/admin/shop/reviews" });
  const row = adminPage.getByTestId("review-row").filter({ hasText: "Survived the storm" });
  await expect(row).toContainText(shop.title);
  await expectNoSeriousA11yViolations(adminPage);
  await row.getByRole("button", { name: "Approve review “Survived the storm”" }).click();
  await expect(adminPage.getByText("Review approved: it now shows on the product page.")).toBeVisible();
  const { rows } = await db().query(`SELECT "status","moderatedById" FROM "ProductReview" WHERE "productId" = $1`, [
    `p1${shop.tag}`,
  ]);
  expect(rows).toEqual([{ status: "approved", moderatedById: admin.id }]);

  const anonymous = await (await browser.newContext({ javaScriptEnabled: test.info().project.name === "js" })).newPage();
  await anonymous.goto(`/shop/${shop.slug}`);
  await expect(anonymous.getByTestId("review")).toContainText("Survived the storm");
  await expect(anonymous.getByTestId("review")).toContainText("by Ada L.");
  await expect(anonymous.getByTestId("rating-summary")).toContainText("4.0 out of 5 · 1 review");
  await page.goto("/account/reviews");
  await expect(page.getByTestId("my-review")).toContainText("Published");
});
