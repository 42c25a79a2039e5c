// Products through the catalogue domain (the contract H7's API uses) and the admin routes, against
// the real database: slugs and SKUs unique with clear errors, option layout checked, description
// sanitized, minPrice/searchText kept up to date, stock changes recorded, audit rows, cache
// invalidation, permissions in loader and action, bad form input changing nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { createProduct, deleteProduct, updateProduct, type ProductInput } from "~/domains/commerce/catalogue/products.server";
import { CATALOGUE_TAG, productTag } from "~/domains/commerce/cache-tags";
import { isDomainError } from "~/domains/errors";
import { getCache } from "~/infra/cache.server";
import { prisma } from "~/infra/db.server";
import * as edit from "~/routes/admin+/shop.products.$productId";
import * as list from "~/routes/admin+/shop.products._index";
import * as create from "~/routes/admin+/shop.products.new";
import { createCategory, createOrder, createProduct as factoryProduct } from "../factories/commerce";
import { createUser, createUserWithPermissions } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";

type Reply = { result: { error: Record<string, string[] | null> } };

let adminId: string;
const actor = () => ({ actorId: adminId, ipAddress: "203.0.113.7" });

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ email: "shop@example.com", roles: ["commercial", "user"] })).id;
});

function input(overrides: Partial<ProductInput> = {}): ProductInput {
  return {
    title: "Linen Shirt",
    status: "active",
    kind: "physical",
    descriptionHtml: "<p>Soft <strong>linen</strong>.</p>",
    taxable: true,
    optionNames: ["Size"],
    categoryIds: [],
    variants: [
      { sku: "LS-S", optionValues: ["S"], price: 4500, trackInventory: true, stockOnHand: 3 },
      { sku: "LS-M", optionValues: ["M"], price: 3900, compareAtPrice: 4900, trackInventory: true, stockOnHand: 0 },
    ],
    ...overrides,
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return "no error";
}

describe("createProduct / updateProduct (domain contract)", () => {
  it("creates a product with a slug from its title, derived columns, initial stock rows and an audit row", async () => {
    const shirts = await createCategory({ name: "Shirts", slug: "shirts" });
    const { id } = await createProduct(input({ categoryIds: [shirts.id] }), actor());
    const product = await prisma.product.findUniqueOrThrow({
      where: { id },
      include: { variants: { orderBy: { position: "asc" } } },
    });
    expect(product.slug).toBe("linen-shirt");
    expect(product.minPrice).toBe(3900);
    expect(product.publishedAt).not.toBeNull();
    expect(product.searchText).toContain("Soft linen");
    expect(product.searchText).toContain("LS-M");
    expect(product.searchText).toContain("Shirts");
    expect(product.searchText).not.toContain("Linen Shirt");
    expect(product.variants.map((v) => [v.sku, v.title, v.stockOnHand])).toEqual([
      ["LS-S", "S", 3],
      ["LS-M", "M", 0],
    ]);
    const adjustments = await prisma.inventoryAdjustment.findMany();
    expect(adjustments).toHaveLength(1);
    expect(adjustments[0]).toMatchObject({ delta: 3, stockAfter: 3, reason: "Initial stock", actorId: adminId });
    expect(await prisma.auditLog.count({ where: { action: "product.create", entityId: id, actorId: adminId } })).toBe(1);
  });

  it("gives a second product with the same title a suffixed slug, refuses an explicit taken slug", async () => {
    await createProduct(input(), actor());
    const second = await createProduct(
      input({ variants: [{ sku: "OTHER-1", optionValues: ["L"], price: 100, trackInventory: true }] }),
      actor(),
    );
    expect((await prisma.product.findUniqueOrThrow({ where: { id: second.id } })).slug).toBe("linen-shirt-2");
    expect(
      await codeOf(
        createProduct(
          input({ slug: "linen-shirt", variants: [{ sku: "X-1", optionValues: ["S"], price: 1, trackInventory: true }] }),
          actor(),
        ),
      ),
    ).toBe("slug_taken");
    expect(await prisma.product.count()).toBe(2);
  });

  it("refuses a SKU used by another product and changes nothing", async () => {
    await createProduct(input(), actor());
    const code = await codeOf(
      createProduct(
        input({ title: "Other", variants: [{ sku: "ls-m", optionValues: ["M"], price: 1, trackInventory: true }] }),
        actor(),
      ),
    );
    expect(code).toBe("sku_taken");
    expect(await prisma.product.count()).toBe(1);
    expect(await prisma.productVariant.count()).toBe(2);
  });

  it("lets only one of two simultaneous creates with the same SKU or slug through, the other told why", async () => {
    const bySku = await Promise.all(
      ["First", "Second"].map((title) =>
        codeOf(
          createProduct(
            input({ title, optionNames: [], variants: [{ sku: "RACE-1", optionValues: [], price: 100, trackInventory: true }] }),
            actor(),
          ),
        ),
      ),
    );
    expect(bySku.sort()).toEqual(["no error", "sku_taken"]);
    const bySlug = await Promise.all(
      ["A-1", "B-1"].map((sku) =>
        codeOf(
          createProduct(
            input({
              slug: "same-slug",
              optionNames: [],
              variants: [{ sku, optionValues: [], price: 100, trackInventory: true }],
            }),
            actor(),
          ),
        ),
      ),
    );
    expect(bySlug.sort()).toEqual(["no error", "slug_taken"]);
    expect(await prisma.product.count()).toBe(2);
  });

  it("refuses variants whose option values do not match the option names", async () => {
    expect(
      await codeOf(createProduct(input({ variants: [{ sku: "A", optionValues: [], price: 1, trackInventory: true }] }), actor())),
    ).toBe("invalid_options");
    expect(
      await codeOf(
        createProduct(
          input({
            variants: [
              { sku: "A", optionValues: ["S"], price: 1, trackInventory: true },
              { sku: "B", optionValues: ["s"], price: 1, trackInventory: true },
            ],
          }),
          actor(),
        ),
      ),
    ).toBe("invalid_options");
    expect(await prisma.product.count()).toBe(0);
  });

  it("sanitizes the description on write", async () => {
    const { id } = await createProduct(
      input({ descriptionHtml: `<p onclick="x()">Hi</p><script>alert(1)</script><a href="javascript:alert(1)">x</a>` }),
      actor(),
    );
    const { descriptionHtml } = await prisma.product.findUniqueOrThrow({ where: { id } });
    expect(descriptionHtml).not.toMatch(/script|onclick|javascript/);
    expect(descriptionHtml).toContain("<p>Hi</p>");
  });

  it("updates variants by id, adds and removes, keeps minPrice and searchText current, records stock edits", async () => {
    const { id } = await createProduct(input(), actor());
    const [small, medium] = await prisma.productVariant.findMany({ where: { productId: id }, orderBy: { position: "asc" } });
    await updateProduct(
      id,
      {
        optionNames: ["Size"],
        variants: [
          { id: small!.id, sku: "LS-S", optionValues: ["S"], price: 5000, trackInventory: true, stockOnHand: 7 },
          { sku: "LS-XL", optionValues: ["XL"], price: 6000, trackInventory: false },
        ],
      },
      actor(),
    );
    const variants = await prisma.productVariant.findMany({ where: { productId: id }, orderBy: { position: "asc" } });
    expect(variants.map((v) => [v.sku, v.price, v.stockOnHand])).toEqual([
      ["LS-S", 5000, 7],
      ["LS-XL", 6000, 0],
    ]);
    expect(variants[0]!.id).toBe(small!.id);
    expect(await prisma.productVariant.findUnique({ where: { id: medium!.id } })).toBeNull();
    const product = await prisma.product.findUniqueOrThrow({ where: { id } });
    expect(product.minPrice).toBe(5000);
    expect(product.searchText).toContain("LS-XL");
    expect(product.searchText).not.toContain("LS-M");
    const edits = await prisma.inventoryAdjustment.findMany({ where: { variantId: small!.id }, orderBy: { createdAt: "asc" } });
    expect(edits.map((e) => [e.delta, e.stockAfter])).toEqual([
      [3, 3],
      [4, 7],
    ]);
    expect(await prisma.auditLog.count({ where: { action: "product.update", entityId: id } })).toBe(1);
  });

  it("answers not_found for an unknown product and does not remove a variant with reserved stock", async () => {
    expect(await codeOf(updateProduct("missing", { title: "X" }, actor()))).toBe("not_found");
    const { id } = await createProduct(input(), actor());
    const [small] = await prisma.productVariant.findMany({ where: { productId: id }, orderBy: { position: "asc" } });
    await prisma.productVariant.update({ where: { id: small!.id }, data: { stockReserved: 2 } });
    const code = await codeOf(
      updateProduct(id, { variants: [{ sku: "LS-M", optionValues: ["M"], price: 3900, trackInventory: true }] }, actor()),
    );
    expect(code).toBe("variant_reserved");
    expect(await prisma.productVariant.count({ where: { productId: id } })).toBe(2);
  });

  it("refuses removing a variant that a checkout reserves while the edit is under way", async () => {
    const { id } = await createProduct(input(), actor());
    const [small] = await prisma.productVariant.findMany({ where: { productId: id }, orderBy: { position: "asc" } });
    let release!: () => void;
    let locked!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reserving = new Promise<void>((resolve) => (locked = resolve));
    // A checkout's reservation: the variant row is updated and held until it commits.
    const checkout = prisma.$transaction(
      async (tx) => {
        await tx.productVariant.update({ where: { id: small!.id }, data: { stockReserved: 1 } });
        locked();
        await gate;
      },
      { timeout: 15_000 },
    );
    await reserving;
    const edit = codeOf(
      updateProduct(id, { variants: [{ sku: "LS-M", optionValues: ["M"], price: 3900, trackInventory: true }] }, actor()),
    );
    await new Promise((resolve) => setTimeout(resolve, 700));
    release();
    await checkout;
    expect(await edit).toBe("variant_reserved");
    const kept = await prisma.productVariant.findUniqueOrThrow({ where: { id: small!.id } });
    expect(kept.stockReserved).toBe(1);
  });

  it("refuses deleting a product whose variant a checkout reserves while the delete is under way", async () => {
    const { id } = await createProduct(input(), actor());
    const [small] = await prisma.productVariant.findMany({ where: { productId: id }, orderBy: { position: "asc" } });
    let release!: () => void;
    let locked!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reserving = new Promise<void>((resolve) => (locked = resolve));
    const checkout = prisma.$transaction(
      async (tx) => {
        await tx.productVariant.update({ where: { id: small!.id }, data: { stockReserved: 1 } });
        locked();
        await gate;
      },
      { timeout: 15_000 },
    );
    await reserving;
    const removal = codeOf(deleteProduct(id, actor()));
    await new Promise((resolve) => setTimeout(resolve, 700));
    release();
    await checkout;
    expect(await removal).toBe("variant_reserved");
    expect(await prisma.product.count({ where: { id } })).toBe(1);
  });

  it("invalidates the listing and the product's page after a write", async () => {
    const cache = getCache();
    const { id } = await createProduct(input(), actor());
    let computed = 0;
    const read = () =>
      cache.wrap(`test:product:${id}`, { ttlSeconds: 60, tags: [CATALOGUE_TAG, productTag(id)] }, async () => ++computed);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    await updateProduct(id, { title: "Linen Shirt II" }, actor());
    expect(await read()).toBe(2);
  });

  it("serialises concurrent edits of one product: every edit lands, minPrice matches the last", async () => {
    const { id } = await createProduct(
      input({ optionNames: [], variants: [{ sku: "ONE", optionValues: [], price: 1000, trackInventory: true }] }),
      actor(),
    );
    const [variant] = await prisma.productVariant.findMany({ where: { productId: id } });
    const prices = [1100, 1200, 1300, 1400, 1500, 1600];
    await Promise.all(
      prices.map((price) =>
        updateProduct(
          id,
          { variants: [{ id: variant!.id, sku: "ONE", optionValues: [], price, trackInventory: true }] },
          actor(),
        ),
      ),
    );
    const product = await prisma.product.findUniqueOrThrow({ where: { id }, include: { variants: true } });
    expect(product.variants).toHaveLength(1);
    expect(product.minPrice).toBe(product.variants[0]!.price);
    expect(await prisma.auditLog.count({ where: { action: "product.update", entityId: id } })).toBe(prices.length);
  });
});

const formFields = {
  intent: "create",
  title: "Wool Scarf",
  slug: "",
  status: "active",
  kind: "physical",
  descriptionHtml: "<p>Warm.</p>",
  taxable: "on",
  optionNames: "Colour",
  "variants[0].sku": "SCARF-RED",
  "variants[0].options": "Red",
  "variants[0].price": "24.50",
  "variants[0].trackInventory": "on",
  "variants[0].stockOnHand": "4",
  "variants[1].sku": "",
  "variants[1].price": "",
};

describe("admin product routes", () => {
  it("refuses a customer in the loader and the action", async () => {
    const customer = (await createUser({ roles: ["user"] })).id;
    expect(statusOf(await run(list.loader, await getRequest("/admin/shop/products", { userId: customer })))).toBe(403);
    expect(
      statusOf(await run(create.action, await formRequest("/admin/shop/products/new", formFields, { userId: customer }))),
    ).toBe(403);
    expect(await prisma.product.count()).toBe(0);
  });

  it("creates from the form: decimal price to minor units, the spare blank row ignored", async () => {
    const result = await run(create.action, await formRequest("/admin/shop/products/new", formFields, { userId: adminId }));
    expect(statusOf(result)).toBe(302);
    const product = await prisma.product.findFirstOrThrow({ include: { variants: true } });
    expect((result as Response).headers.get("Location")).toBe(`/admin/shop/products/${product.id}`);
    expect(product.slug).toBe("wool-scarf");
    expect(product.variants).toHaveLength(1);
    expect(product.variants[0]).toMatchObject({
      sku: "SCARF-RED",
      price: 2450,
      stockOnHand: 4,
      optionValues: ["Red"],
      title: "Red",
    });
  });

  it("answers bad input with messages next to the fields and creates nothing", async () => {
    const result = await run(
      create.action,
      await formRequest(
        "/admin/shop/products/new",
        { ...formFields, "variants[0].price": "12,5", "variants[0].options": "Red / Large", "variants[0].compareAtPrice": "-3" },
        { userId: adminId },
      ),
    );
    expect(statusOf(result)).toBe(400);
    const errors = payloadOf<Reply>(result).result.error;
    expect(errors["variants[0].price"]?.[0]).toMatch(/amount like 19\.99/);
    expect(errors["variants[0].options"]?.[0]).toMatch(/one value for Colour/);
    expect(errors["variants[0].compareAtPrice"]?.[0]).toBeTruthy();
    expect(await prisma.product.count()).toBe(0);
  });

  it("shows a taken SKU next to that variant's SKU field", async () => {
    await factoryProduct({ variants: [{ sku: "SCARF-RED", price: 100 }] });
    const result = await run(create.action, await formRequest("/admin/shop/products/new", formFields, { userId: adminId }));
    expect(statusOf(result)).toBe(409);
    expect(payloadOf<Reply>(result).result.error["variants[0].sku"]).toEqual(["This SKU is already used by another variant."]);
    expect(await prisma.product.count()).toBe(1);
  });

  it("edits a product, removes a ticked variant, and refuses deleting an ordered product", async () => {
    const product = await factoryProduct({
      title: "Mug",
      optionNames: ["Colour"],
      variants: [
        { sku: "MUG-W", optionValues: ["White"], price: 1200, stock: 5 },
        { sku: "MUG-B", optionValues: ["Black"], price: 1300, stock: 5 },
      ],
    });
    const [white, black] = product.variants;
    const fields = {
      intent: "save",
      title: "Big Mug",
      slug: product.slug,
      status: "active",
      kind: "physical",
      optionNames: "Colour",
      "variants[0].id": white!.id,
      "variants[0].sku": "MUG-W",
      "variants[0].options": "White",
      "variants[0].price": "11.00",
      "variants[0].trackInventory": "on",
      "variants[1].id": black!.id,
      "variants[1].sku": "MUG-B",
      "variants[1].options": "Black",
      "variants[1].price": "13.00",
      "variants[1].remove": "on",
    };
    const saved = await run(edit.action, await formRequest(`/admin/shop/products/${product.id}`, fields, { userId: adminId }), {
      productId: product.id,
    });
    expect(statusOf(saved)).toBe(302);
    const after = await prisma.product.findUniqueOrThrow({ where: { id: product.id }, include: { variants: true } });
    expect(after.title).toBe("Big Mug");
    expect(after.taxable).toBe(false);
    expect(after.minPrice).toBe(1100);
    expect(after.variants.map((v) => [v.sku, v.stockOnHand])).toEqual([["MUG-W", 5]]);

    await createOrder({ items: [{ variantId: white!.id, quantity: 1 }] });
    const refused = await run(
      edit.action,
      await formRequest(`/admin/shop/products/${product.id}`, { intent: "delete" }, { userId: adminId }),
      { productId: product.id },
    );
    expect(statusOf(refused)).toBe(409);
    expect(payloadOf<{ message: string }>(refused).message).toMatch(/Archive it instead/);
    expect(await prisma.product.count({ where: { id: product.id } })).toBe(1);
  });

  it("lets read:shop view a product but only update:shop change it", async () => {
    const product = await factoryProduct({ title: "Lamp" });
    const viewer = await createUserWithPermissions("shop-viewer", ["read:admin:any", "read:shop:any"]);
    const page = await run(edit.loader, await getRequest(`/admin/shop/products/${product.id}`, { userId: viewer.id }), {
      productId: product.id,
    });
    expect(statusOf(page)).toBe(200);
    expect(payloadOf<{ canUpdate: boolean }>(page).canUpdate).toBe(false);
    const attempts: Array<Record<string, string>> = [
      { intent: "save", title: "Changed", status: "active", kind: "physical" },
      { intent: "delete" },
    ];
    for (const fields of attempts) {
      const refused = await run(
        edit.action,
        await formRequest(`/admin/shop/products/${product.id}`, fields, { userId: viewer.id }),
        { productId: product.id },
      );
      expect(statusOf(refused)).toBe(403);
    }
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).title).toBe("Lamp");
  });

  it("refuses a save from a form drawn before someone else's save, keeping their new variant", async () => {
    const product = await factoryProduct({
      title: "Cap",
      optionNames: ["Size"],
      variants: [{ sku: "CAP-S", optionValues: ["S"], price: 900, stock: 1 }],
    });
    const loaded = await run(edit.loader, await getRequest(`/admin/shop/products/${product.id}`, { userId: adminId }), {
      productId: product.id,
    });
    const version = payloadOf<{ version: string }>(loaded).version;
    const small = product.variants[0]!;
    const form = (title: string, extra: Record<string, string> = {}) => ({
      intent: "save",
      version,
      title,
      slug: product.slug,
      status: "active",
      kind: "physical",
      optionNames: "Size",
      "variants[0].id": small.id,
      "variants[0].sku": "CAP-S",
      "variants[0].options": "S",
      "variants[0].price": "9.00",
      ...extra,
    });
    // A colleague, with the same page open, adds a variant and saves first.
    const first = await run(
      edit.action,
      await formRequest(
        `/admin/shop/products/${product.id}`,
        form("Cap", { "variants[1].sku": "CAP-M", "variants[1].options": "M", "variants[1].price": "9.00" }),
        { userId: adminId },
      ),
      { productId: product.id },
    );
    expect(statusOf(first)).toBe(302);
    const stale = await run(
      edit.action,
      await formRequest(`/admin/shop/products/${product.id}`, form("Baseball Cap"), { userId: adminId }),
      { productId: product.id },
    );
    expect(statusOf(stale)).toBe(409);
    expect(JSON.stringify(payloadOf(stale))).toMatch(/Someone else saved this product/);
    const after = await prisma.product.findUniqueOrThrow({ where: { id: product.id }, include: { variants: true } });
    expect(after.title).toBe("Cap");
    expect(after.variants.map((v) => v.sku).sort()).toEqual(["CAP-M", "CAP-S"]);
  });

  it("lists products filtered by status, category and a SKU search, sorted by price", async () => {
    const cat = await createCategory({ name: "Hats", slug: "hats" });
    await factoryProduct({ title: "Straw Hat", categoryIds: [cat.id], variants: [{ sku: "HAT-STRAW", price: 3000 }] });
    await factoryProduct({ title: "Felt Hat", categoryIds: [cat.id], variants: [{ sku: "HAT-FELT", price: 2000 }] });
    await factoryProduct({
      title: "Draft Hat",
      status: "draft",
      categoryIds: [cat.id],
      variants: [{ sku: "HAT-DRAFT", price: 1000 }],
    });
    await factoryProduct({ title: "Glove", variants: [{ sku: "GLOVE", price: 500 }] });
    type ListData = { products: Array<{ title: string }>; total: number };
    const titles = async (query: string) =>
      payloadOf<ListData>(
        await run(list.loader, await getRequest(`/admin/shop/products?${query}`, { userId: adminId })),
      ).products.map((p) => p.title);
    expect(await titles(`status=active&category=${cat.id}&sort=price`)).toEqual(["Felt Hat", "Straw Hat"]);
    expect(await titles("q=hat-dr")).toEqual(["Draft Hat"]);
    expect(await titles("sort=title")).toEqual(["Draft Hat", "Felt Hat", "Glove", "Straw Hat"]);
  });

  it("answers 404 for an unknown product", async () => {
    expect(
      statusOf(await run(edit.loader, await getRequest("/admin/shop/products/nope", { userId: adminId }), { productId: "nope" })),
    ).toBe(404);
  });
});
