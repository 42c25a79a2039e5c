// Seed a benchmark shop: 10,000 active products (two variants each, a nested category each, every
// 50th in a collection) with deterministic ids, so running it again adds nothing (createMany with
// skipDuplicates, in batches). Fast: a few createMany statements per 1,000 products, no per-row work.
//   DATABASE_URL=… SESSION_SECRET=… ENCRYPTION_KEY=… npx tsx bench/seed-shop.ts [count]
// bench/shop.ts imports seedShop() against its own database.
import { pathToFileURL } from "node:url";

const ADJECTIVES = [
  "Linen",
  "Walnut",
  "Copper",
  "Woollen",
  "Ceramic",
  "Canvas",
  "Oak",
  "Glass",
  "Cotton",
  "Brass",
  "Leather",
  "Stone",
];
const NOUNS = [
  "lamp",
  "mug",
  "blanket",
  "chair",
  "notebook",
  "vase",
  "apron",
  "basket",
  "candle",
  "bowl",
  "scarf",
  "planter",
  "kettle",
  "rug",
];
const WORDS = [
  "hand-made",
  "durable",
  "soft",
  "bright",
  "recycled",
  "classic",
  "compact",
  "waterproof",
  "organic",
  "heavy",
  "light",
  "gift",
];

const TREE: Array<{ slug: string; name: string; children: string[] }> = [
  { slug: "home", name: "Home", children: ["Lighting", "Textiles", "Decor"] },
  { slug: "kitchen", name: "Kitchen", children: ["Tableware", "Cookware"] },
  { slug: "garden", name: "Garden", children: ["Planters", "Tools"] },
  { slug: "apparel", name: "Apparel", children: ["Accessories", "Workwear"] },
];
const COLLECTIONS = ["Bestsellers", "New season", "Gift ideas"];

const pad = (n: number) => String(n).padStart(5, "0");
const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export type SeedShopResult = { products: number; variants: number; created: number; ms: number };

export async function seedShop(count = 10_000): Promise<SeedShopResult> {
  const { prisma } = await import("../app/infra/db.server.ts");
  const { getCache } = await import("../app/infra/cache.server.ts");
  const { CATALOGUE_TAG } = await import("../app/domains/commerce/cache-tags.ts");
  const started = Date.now();

  const categories = TREE.flatMap((root, r) => [
    { id: `bench-cat-${root.slug}`, name: root.name, slug: `bench-${root.slug}`, parentId: null, position: r },
    ...root.children.map((child, c) => ({
      id: `bench-cat-${root.slug}-${slugify(child)}`,
      name: child,
      slug: `bench-${root.slug}-${slugify(child)}`,
      parentId: `bench-cat-${root.slug}`,
      position: c,
    })),
  ]);
  await prisma.category.createMany({ data: categories.filter((c) => !c.parentId), skipDuplicates: true });
  await prisma.category.createMany({ data: categories.filter((c) => c.parentId), skipDuplicates: true });
  const leaves = categories.filter((c) => c.parentId);
  await prisma.collection.createMany({
    data: COLLECTIONS.map((title, position) => ({
      id: `bench-col-${slugify(title)}`,
      title,
      slug: `bench-${slugify(title)}`,
      position,
    })),
    skipDuplicates: true,
  });

  const epoch = Date.UTC(2026, 0, 1);
  let created = 0;
  for (let start = 1; start <= count; start += 1000) {
    const numbers = Array.from({ length: Math.min(1000, count - start + 1) }, (_, i) => start + i);
    const products = numbers.map((n) => {
      const title = `${ADJECTIVES[n % ADJECTIVES.length]} ${NOUNS[(n * 7) % NOUNS.length]} ${n}`;
      const words = [WORDS[n % WORDS.length], WORDS[(n * 5) % WORDS.length], WORDS[(n * 11) % WORDS.length]];
      const description = `A ${words.join(", ")} ${NOUNS[(n * 7) % NOUNS.length]} for everyday use.`;
      const price = 500 + ((n * 37) % 195) * 100;
      const category = leaves[n % leaves.length]!;
      return {
        row: {
          id: `bench-p-${pad(n)}`,
          slug: `bench-${slugify(title)}`,
          title,
          descriptionHtml: `<p>${description}</p>`,
          searchText: `${description} BENCH-${pad(n)}-S BENCH-${pad(n)}-M S M ${category.name}`,
          status: "active" as const,
          optionNames: ["Size"],
          minPrice: price,
          publishedAt: new Date(epoch + n * 60_000),
        },
        price,
        categoryId: category.id,
      };
    });
    const result = await prisma.product.createMany({ data: products.map((p) => p.row), skipDuplicates: true });
    created += result.count;
    await prisma.productVariant.createMany({
      data: products.flatMap((p, i) => {
        const n = numbers[i]!;
        return ["S", "M"].map((size, position) => ({
          id: `bench-v-${pad(n)}-${size}`,
          productId: p.row.id,
          sku: `BENCH-${pad(n)}-${size}`,
          title: size,
          optionValues: [size],
          price: p.price + position * 200,
          compareAtPrice: n % 9 === 0 ? p.price + 1500 : null,
          stockOnHand: n % 10 === 0 ? 0 : 1_000_000,
          position,
        }));
      }),
      skipDuplicates: true,
    });
    await prisma.productCategory.createMany({
      data: products.map((p) => ({ productId: p.row.id, categoryId: p.categoryId })),
      skipDuplicates: true,
    });
    await prisma.collectionProduct.createMany({
      data: products
        .filter((_, i) => numbers[i]! % 50 === 0)
        .map((p, i) => ({
          collectionId: `bench-col-${slugify(COLLECTIONS[i % COLLECTIONS.length]!)}`,
          productId: p.row.id,
          position: i,
        })),
      skipDuplicates: true,
    });
  }
  // Fresh statistics, as autovacuum would gather soon after a real import: plans as in production.
  await prisma.$executeRawUnsafe(`ANALYZE "Category", "Product", "ProductVariant", "ProductCategory", "CollectionProduct"`);
  await getCache().invalidateTags([CATALOGUE_TAG]);
  return { products: count, variants: count * 2, created, ms: Date.now() - started };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const count = Number(process.argv[2] ?? 10_000);
  const result = await seedShop(count);
  console.log(
    `bench shop: ${result.created} new of ${result.products} products (${result.variants} variants) in ${result.ms} ms`,
  );
  const { prisma } = await import("../app/infra/db.server.ts");
  await prisma.$disconnect();
  process.exit(0);
}
