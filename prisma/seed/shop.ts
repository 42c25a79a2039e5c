// Demo shop (SEED_DEMO=1): categories, a collection, products with variants, stock and images, a
// digital product, shipping zones, tax rates, two discount codes and a gift card — enough to walk the
// whole purchase without setting anything up. Runs only while the shop has no products yet.
import sharp from "sharp";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";

type DemoVariant = { sku: string; options: string[]; price: number; compareAt?: number; stock: number };
type DemoProduct = {
  title: string;
  slug: string;
  category: string;
  colour: string;
  description: string;
  optionNames: string[];
  variants: DemoVariant[];
  kind?: "physical" | "digital";
  featured?: boolean;
};

const CATEGORIES = [
  { slug: "apparel", name: "Apparel", parent: null },
  { slug: "t-shirts", name: "T-shirts", parent: "apparel" },
  { slug: "hoodies", name: "Hoodies", parent: "apparel" },
  { slug: "home", name: "Home", parent: null },
  { slug: "digital", name: "Digital", parent: null },
] as const;

const sizes = (prefix: string, price: number, stock: number[], compareAt?: number): DemoVariant[] =>
  ["S", "M", "L"].map((size, i) => ({ sku: `${prefix}-${size}`, options: [size], price, compareAt, stock: stock[i] }));

const PRODUCTS: DemoProduct[] = [
  {
    title: "Organic cotton T-shirt",
    slug: "organic-cotton-t-shirt",
    category: "t-shirts",
    colour: "#0f766e",
    description: "<p>Soft, heavyweight organic cotton. Cut to last, printed in small batches.</p>",
    optionNames: ["Size", "Colour"],
    variants: ["S", "M", "L"].flatMap((size, i) =>
      [
        ["Teal", 12 - i * 3],
        ["Sand", i === 2 ? 0 : 6],
      ].map(([colour, stock]) => ({
        sku: `TEE-${size}-${String(colour).toUpperCase()}`,
        options: [size, String(colour)],
        price: 2500,
        stock: Number(stock),
      })),
    ),
    featured: true,
  },
  {
    title: "Logo hoodie",
    slug: "logo-hoodie",
    category: "hoodies",
    colour: "#1e3a8a",
    description: "<p>Brushed fleece inside, embroidered logo, kangaroo pocket.</p>",
    optionNames: ["Size"],
    variants: sizes("HOOD", 5900, [4, 2, 1], 6900),
    featured: true,
  },
  {
    title: "Last-one tote bag",
    slug: "last-one-tote-bag",
    category: "home",
    colour: "#9a3412",
    description: "<p>Sturdy canvas tote. Only one left in stock: try buying it twice.</p>",
    optionNames: [],
    variants: [{ sku: "TOTE-1", options: [], price: 1800, stock: 1 }],
  },
  {
    title: "Ceramic mug",
    slug: "ceramic-mug",
    category: "home",
    colour: "#374151",
    description: "<p>Stoneware mug, 350 ml, dishwasher safe.</p>",
    optionNames: [],
    variants: [{ sku: "MUG-1", options: [], price: 1400, stock: 40 }],
    featured: true,
  },
  {
    title: "Sold-out poster",
    slug: "sold-out-poster",
    category: "home",
    colour: "#6d28d9",
    description: "<p>A2 risograph poster. Sold out — the product page refuses to add it to the cart.</p>",
    optionNames: [],
    variants: [{ sku: "POSTER-1", options: [], price: 3000, stock: 0 }],
  },
  {
    title: "Small business handbook (e-book)",
    slug: "small-business-handbook",
    category: "digital",
    colour: "#15803d",
    description: "<p>120 pages on running a small company. PDF, delivered as a download after payment.</p>",
    optionNames: [],
    variants: [{ sku: "EBOOK-1", options: [], price: 1200, stock: 0 }],
    kind: "digital",
  },
];

const WIDTHS = [160, 320, 640, 1024];

/** A plain coloured square with the product's initials: real image bytes for the demo gallery. */
async function demoImage(title: string, colour: string) {
  const initials = title
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024">
    <rect width="100%" height="100%" fill="${colour}"/>
    <text x="50%" y="54%" font-family="sans-serif" font-size="360" fill="#ffffff" text-anchor="middle"
      dominant-baseline="middle">${initials}</text></svg>`;
  const source = await sharp(Buffer.from(svg)).png().toBuffer();
  return Promise.all(
    WIDTHS.map(async (width) => {
      const data = await sharp(source).resize({ width }).webp({ quality: 80 }).toBuffer();
      return { width, height: width, contentType: "image/webp", byteSize: data.length, data: new Uint8Array(data) };
    }),
  );
}

/** The smallest valid PDF with one line of text, as the demo e-book's private file. */
function demoPdf(): Buffer {
  const text = "Small business handbook - demo copy";
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

export async function ensureDemoShop(db: PrismaClient) {
  if ((await db.product.count()) > 0) return { created: false as const };

  const categoryIds = new Map<string, string>();
  for (const [position, category] of CATEGORIES.entries()) {
    const row = await db.category.create({
      data: {
        name: category.name,
        slug: category.slug,
        position,
        parentId: category.parent ? categoryIds.get(category.parent) : null,
      },
    });
    categoryIds.set(category.slug, row.id);
  }
  const featured = await db.collection.create({
    data: { title: "Featured", slug: "featured", description: "Our favourites this season." },
  });

  for (const product of PRODUCTS) {
    const categoryName = CATEGORIES.find((c) => c.slug === product.category)!.name;
    const renditions = await demoImage(product.title, product.colour);
    const pdf = product.kind === "digital" ? demoPdf() : null;
    await db.product.create({
      data: {
        title: product.title,
        slug: product.slug,
        status: "active",
        kind: product.kind ?? "physical",
        descriptionHtml: product.description,
        searchText: [
          product.description.replace(/<[^>]+>/g, " "),
          categoryName,
          ...product.variants.flatMap((v) => [v.sku, ...v.options]),
        ].join(" "),
        optionNames: product.optionNames,
        minPrice: Math.min(...product.variants.map((v) => v.price)),
        publishedAt: new Date(),
        seoDescription: product.description.replace(/<[^>]+>/g, "").slice(0, 155),
        categories: { create: [{ categoryId: categoryIds.get(product.category)! }] },
        collections: product.featured ? { create: [{ collectionId: featured.id }] } : undefined,
        images: {
          create: [{ alt: product.title, width: 1024, height: 1024, renditions: { create: renditions } }],
        },
        variants: {
          create: product.variants.map((v, position) => ({
            sku: v.sku,
            title: v.options.join(" / "),
            optionValues: v.options,
            price: v.price,
            compareAtPrice: v.compareAt ?? null,
            stockOnHand: v.stock,
            trackInventory: product.kind !== "digital",
            weightGrams: product.kind === "digital" ? null : 400,
            position,
          })),
        },
        digitalAsset: pdf
          ? {
              create: {
                fileName: "small-business-handbook.pdf",
                contentType: "application/pdf",
                byteSize: pdf.length,
                sha256: (await import("node:crypto")).createHash("sha256").update(pdf).digest("hex"),
                data: new Uint8Array(pdf),
              },
            }
          : undefined,
      },
    });
  }

  await db.shippingZone.create({
    data: {
      name: "United States",
      countries: ["US"],
      methods: {
        create: [
          { name: "Standard (3–5 days)", rate: 500, freeAbove: 5000, position: 0 },
          { name: "Express (1–2 days)", rate: 1500, position: 1 },
        ],
      },
    },
  });
  await db.shippingZone.create({
    data: {
      name: "Rest of the world",
      countries: ["*"],
      methods: { create: [{ name: "International", rate: 2000, position: 0 }] },
    },
  });
  await db.taxRate.createMany({
    data: [
      { name: "California sales tax", country: "US", region: "CA", rateBasisPoints: 725, shippingTaxable: false },
      { name: "IVA", country: "ES", region: "", rateBasisPoints: 2100, shippingTaxable: true },
    ],
  });
  await db.discount.createMany({
    data: [
      { code: "WELCOME10", kind: "percentage", value: 1000, perCustomerLimit: 1 },
      { code: "FREESHIP", kind: "free_shipping", value: 0, minSubtotal: 3000 },
    ],
  });
  await db.giftCard.create({
    data: {
      code: "DEMACARD2026XMAS",
      initialBalance: 2500,
      balance: 2500,
      note: "Demo gift card",
      entries: { create: { kind: "issue", amount: 2500, balanceAfter: 2500, reason: "Demo data" } },
    },
  });
  return {
    created: true as const,
    products: PRODUCTS.length,
    discountCodes: ["WELCOME10", "FREESHIP"],
    giftCard: "DEMA-CARD-2026-XMAS",
  };
}
