// The contract of /api/v1/products: the Product representation (with its variants), list filters,
// sparse fields, and the bodies of POST and PATCH. Bodies are snake_case and map one to one onto
// the catalogue's ProductInputSchema, whose rules (lengths, SKU characters, limits) apply unchanged.
import { z } from "zod";
import {
  MAX_OPTION_NAMES,
  MAX_PRICE,
  MAX_STOCK,
  MAX_VARIANTS,
  SLUG_PATTERN,
  type ProductInput,
} from "~/domains/commerce/catalogue/product-input";
import { decodeCursor, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, MIN_PAGE_LIMIT } from "./cursor";
import { fieldsParamSchema } from "./fields";
import "./schemas";

const PRODUCT_STATUS = z.enum(["draft", "active", "archived"]);
const PRODUCT_KIND = z.enum(["physical", "digital"]);
const instantOut = (description: string) => z.string().datetime().openapi({ description, example: "2026-11-24T09:30:00.000Z" });
const money = (description: string) =>
  z
    .number()
    .int()
    .min(0)
    .max(MAX_PRICE)
    .openapi({ description: `${description} In minor units of the shop currency.`, example: 2500 });

export const ApiVariantSchema = z
  .object({
    id: z.string().openapi({ example: "cm9x1k2l30000abcd1234efgh" }),
    sku: z.string().openapi({ example: "TEE-M-RED" }),
    title: z
      .string()
      .openapi({ description: 'Option values joined ("M / Red"); empty for a single variant.', example: "M / Red" }),
    option_values: z.array(z.string()).openapi({ description: "One per option name, same order.", example: ["M", "Red"] }),
    price: money("Price."),
    compare_at_price: money("Former price shown struck through.").nullable(),
    track_inventory: z.boolean().openapi({ description: "When false, stock is not counted and the variant never runs out." }),
    stock_on_hand: z.number().int().openapi({ description: "Units in stock.", example: 12 }),
    stock_reserved: z.number().int().openapi({ description: "Units held by checkouts in progress.", example: 1 }),
    available: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "stock_on_hand − stock_reserved; null when not tracked.", example: 11 }),
    weight_grams: z.number().int().nullable(),
  })
  .strict()
  .openapi("ProductVariant");

export const ApiProductSchema = z
  .object({
    id: z.string().openapi({ description: "Stable identifier of the product.", example: "cm9x1k2l30000abcd1234efgh" }),
    slug: z.string().openapi({ description: "The product's URL name: /shop/{slug}.", example: "linen-shirt" }),
    title: z.string().openapi({ example: "Linen shirt" }),
    status: PRODUCT_STATUS.openapi({ description: "Only active products are on the storefront." }),
    kind: PRODUCT_KIND.openapi({ description: "Digital products are downloaded, not shipped." }),
    description_html: z.string().openapi({ description: "Sanitized HTML." }),
    seo_title: z.string().nullable(),
    seo_description: z.string().nullable(),
    taxable: z.boolean(),
    option_names: z.array(z.string()).openapi({ example: ["Size", "Colour"] }),
    category_ids: z.array(z.string()),
    min_price: money("Lowest variant price."),
    currency: z.string().openapi({ description: "ISO 4217 code of every amount.", example: "USD" }),
    variants: z.array(ApiVariantSchema),
    published_at: instantOut("When it first became active (UTC).").nullable(),
    created_at: instantOut("When it was created (UTC)."),
    updated_at: instantOut("When it last changed (UTC)."),
  })
  .strict()
  .openapi("Product");

export type ApiProduct = z.infer<typeof ApiProductSchema>;
export const PRODUCT_FIELDS = ApiProductSchema.keyof().options;

const fields = fieldsParamSchema(PRODUCT_FIELDS)
  .optional()
  .openapi({
    type: "string",
    description: `Comma-separated properties to return; \`id\` is always included. One of: ${PRODUCT_FIELDS.join(", ")}. An unknown name is a 422.`,
    example: "id,title,min_price",
  });

export const ApiSparseProductSchema = ApiProductSchema.partial().required({ id: true });

export const ApiProductListSchema = z
  .object({
    data: z.array(ApiProductSchema).openapi({ description: "One page of products, newest first." }),
    next_cursor: z
      .string()
      .nullable()
      .openapi({ description: "Pass as `cursor` (with the same filters) for the next page; `null` on the last page." }),
  })
  .strict()
  .openapi("ProductList");

export const ApiSparseProductListSchema = ApiProductListSchema.extend({ data: z.array(ApiSparseProductSchema) });

export const cursorParam = z
  .string()
  .min(1)
  .max(200)
  .refine((value) => decodeCursor(value) !== null, "is not a cursor returned by this API")
  .optional()
  .openapi({ description: "The `next_cursor` of the previous page (opaque)." });

export const limitParam = z.coerce
  .number()
  .int()
  .min(MIN_PAGE_LIMIT)
  .max(MAX_PAGE_LIMIT)
  .default(DEFAULT_PAGE_LIMIT)
  .openapi({
    description: `Page size, ${MIN_PAGE_LIMIT}–${MAX_PAGE_LIMIT}; a value outside the range is a 422 (never silently clamped).`,
    example: 20,
  });

export const ListProductsQuerySchema = z
  .object({
    limit: limitParam,
    cursor: cursorParam,
    status: PRODUCT_STATUS.optional().openapi({ description: "Only products with this status." }),
    q: z.string().trim().min(1).max(100).optional().openapi({
      description: "Only products whose title or slug contains this text, or with a variant of this SKU (case-insensitive).",
      example: "shirt",
    }),
    fields,
  })
  .strict();

export const GetProductQuerySchema = z.object({ fields }).strict();

export const ProductParamsSchema = z.object({
  productId: z.string().min(1).max(64).openapi({ description: "The product's `id`.", example: "cm9x1k2l30000abcd1234efgh" }),
});

const VariantBodySchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: "On PATCH: an existing variant to keep and change; leave out for a new one." }),
    sku: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9._\-/]+$/, "SKU may hold letters, digits and . _ - / only")
      .openapi({ description: "Unique across the shop.", example: "TEE-M-RED" }),
    title: z.string().trim().max(200).optional(),
    option_values: z.array(z.string().trim().min(1).max(100)).max(MAX_OPTION_NAMES).default([]),
    price: money("Price."),
    compare_at_price: money("Former price.").nullable().optional(),
    track_inventory: z.boolean().default(true),
    stock_on_hand: z
      .number()
      .int()
      .min(0)
      .max(MAX_STOCK)
      .optional()
      .openapi({ description: "Units in stock (new variants; changes go through inventory adjustments in the admin)." }),
    weight_grams: z.number().int().min(0).max(1_000_000).nullable().optional(),
  })
  .strict()
  .openapi("ProductVariantInput");

const productBody = {
  title: z.string().trim().min(1).max(200).openapi({ example: "Linen shirt" }),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(120)
    .regex(SLUG_PATTERN, "Use lower-case letters, digits and dashes.")
    .optional()
    .openapi({ description: "Generated from the title when left out." }),
  status: PRODUCT_STATUS.default("draft"),
  kind: PRODUCT_KIND.default("physical"),
  description_html: z.string().max(100_000).default("").openapi({ description: "HTML; sanitized when stored." }),
  seo_title: z.string().trim().max(120).nullable().optional(),
  seo_description: z.string().trim().max(320).nullable().optional(),
  taxable: z.boolean().default(true),
  option_names: z.array(z.string().trim().min(1).max(50)).max(MAX_OPTION_NAMES).default([]),
  category_ids: z.array(z.string().min(1)).max(50).default([]),
  variants: z
    .array(VariantBodySchema)
    .min(1)
    .max(MAX_VARIANTS)
    .openapi({ description: "At least one; on PATCH the full list (variants left out are removed)." }),
};

export const CreateProductBodySchema = z
  .object(productBody)
  .strict()
  .openapi("CreateProduct", { description: "A new product with its variants." });

export const UpdateProductBodySchema = z
  .object({
    title: productBody.title.optional(),
    slug: productBody.slug,
    status: PRODUCT_STATUS.optional(),
    kind: PRODUCT_KIND.optional(),
    description_html: z.string().max(100_000).optional(),
    seo_title: productBody.seo_title,
    seo_description: productBody.seo_description,
    taxable: z.boolean().optional(),
    option_names: z.array(z.string().trim().min(1).max(50)).max(MAX_OPTION_NAMES).optional(),
    category_ids: z.array(z.string().min(1)).max(50).optional(),
    variants: productBody.variants.optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Send at least one property to change.",
  })
  .openapi("UpdateProduct", { description: "The properties to change; those left out keep their value." });

type VariantBody = z.output<typeof VariantBodySchema>;

function toVariantInput(variant: VariantBody) {
  return {
    id: variant.id,
    sku: variant.sku,
    title: variant.title,
    optionValues: variant.option_values,
    price: variant.price,
    compareAtPrice: variant.compare_at_price,
    trackInventory: variant.track_inventory,
    stockOnHand: variant.stock_on_hand,
    weightGrams: variant.weight_grams,
  };
}

/** A POST/PATCH body in the catalogue's own terms (only the properties sent). */
export function toProductInput(body: Partial<z.output<typeof CreateProductBodySchema>>): Partial<ProductInput> {
  const input: Partial<ProductInput> = {};
  if (body.title !== undefined) input.title = body.title;
  if (body.slug !== undefined) input.slug = body.slug;
  if (body.status !== undefined) input.status = body.status;
  if (body.kind !== undefined) input.kind = body.kind;
  if (body.description_html !== undefined) input.descriptionHtml = body.description_html;
  if (body.seo_title !== undefined) input.seoTitle = body.seo_title;
  if (body.seo_description !== undefined) input.seoDescription = body.seo_description;
  if (body.taxable !== undefined) input.taxable = body.taxable;
  if (body.option_names !== undefined) input.optionNames = body.option_names;
  if (body.category_ids !== undefined) input.categoryIds = body.category_ids;
  if (body.variants !== undefined) input.variants = body.variants.map(toVariantInput) as ProductInput["variants"];
  return input;
}
