// The shape every product write takes (admin forms after parsing, the API's POST/PATCH bodies):
// money already in minor units, one option value per option name. Pure, shared by both callers.
import { z } from "zod";

export const MAX_OPTION_NAMES = 3;
export const MAX_VARIANTS = 100;
export const MAX_STOCK = 1_000_000;
export const MAX_PRICE = 100_000_000_00;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const money = z.number().int().min(0).max(MAX_PRICE);

export const VariantInputSchema = z.object({
  id: z.string().min(1).optional(),
  sku: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._\-/]+$/, "SKU may hold letters, digits and . _ - / only"),
  title: z.string().trim().max(200).optional(),
  optionValues: z.array(z.string().trim().min(1).max(100)).max(MAX_OPTION_NAMES).default([]),
  price: money,
  compareAtPrice: money.nullable().optional(),
  trackInventory: z.boolean().default(true),
  stockOnHand: z.number().int().min(0).max(MAX_STOCK).optional(),
  weightGrams: z.number().int().min(0).max(1_000_000).nullable().optional(),
  imageId: z.string().min(1).nullable().optional(),
});

export const ProductInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  slug: z.string().trim().toLowerCase().max(120).regex(SLUG_PATTERN).optional(),
  status: z.enum(["draft", "active", "archived"]).default("draft"),
  kind: z.enum(["physical", "digital"]).default("physical"),
  descriptionHtml: z.string().max(100_000).default(""),
  seoTitle: z.string().trim().max(120).nullable().optional(),
  seoDescription: z.string().trim().max(320).nullable().optional(),
  taxable: z.boolean().default(true),
  optionNames: z.array(z.string().trim().min(1).max(50)).max(MAX_OPTION_NAMES).default([]),
  categoryIds: z.array(z.string().min(1)).max(50).default([]),
  variants: z.array(VariantInputSchema).min(1).max(MAX_VARIANTS),
});

export type VariantInput = z.infer<typeof VariantInputSchema>;
export type ProductInput = z.infer<typeof ProductInputSchema>;
/** For PATCH: every field optional; variants, when given, replace the list (matched by id or SKU). */
export const ProductPatchSchema = ProductInputSchema.partial();
export type ProductPatch = z.infer<typeof ProductPatchSchema>;

/** "Café Crème — 250 g!" → "cafe-creme-250-g" (ASCII, at most 80 characters, never empty). */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || "product";
}

/** "M / Red" from the option values; "" for a product without options. */
export function variantTitle(optionValues: string[]): string {
  return optionValues.join(" / ");
}

export type OptionProblem =
  | { kind: "count"; index: number }
  | { kind: "duplicate_combination"; index: number }
  | { kind: "duplicate_sku"; index: number }
  | { kind: "duplicate_name" };

/**
 * What is wrong with the option layout, or null: every variant has exactly one value per option
 * name, no two variants share a combination (a product without options has exactly one variant),
 * option names are distinct, SKUs are distinct within the product (case-insensitive).
 */
export function findOptionProblem(
  optionNames: string[],
  variants: Array<{ sku: string; optionValues: string[] }>,
): OptionProblem | null {
  const names = new Set(optionNames.map((n) => n.toLowerCase()));
  if (names.size !== optionNames.length) return { kind: "duplicate_name" };
  const combos = new Set<string>();
  const skus = new Set<string>();
  for (const [index, variant] of variants.entries()) {
    if (variant.optionValues.length !== optionNames.length) return { kind: "count", index };
    const combo = JSON.stringify(variant.optionValues.map((v) => v.toLowerCase()));
    if (combos.has(combo)) return { kind: "duplicate_combination", index };
    combos.add(combo);
    const sku = variant.sku.toUpperCase();
    if (skus.has(sku)) return { kind: "duplicate_sku", index };
    skus.add(sku);
  }
  return null;
}
