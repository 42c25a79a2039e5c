// The admin product form: what a person types (prices as decimal text, options as "M / Red",
// option names comma separated) checked with zod and turned into a ProductInput. Shared by the
// browser (conform) and the action. Rows left completely blank (the spare "new variant" row) are
// ignored; a row ticked "remove" is dropped (the product then loses that variant).
import { z } from "zod";
import { parseMoney } from "~/utils/money";
import { MAX_OPTION_NAMES, MAX_STOCK, SLUG_PATTERN, type ProductInput } from "./product-input";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export const OPTION_VALUE_SEPARATOR = "/";

export function splitOptionNames(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function splitOptionValues(text: string | undefined): string[] {
  return (text ?? "")
    .split(OPTION_VALUE_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
}

const optionalText = z.string().trim().optional();

export function createProductFormSchema(t: Translate, currency: string) {
  const variant = z.object({
    id: optionalText,
    remove: z.literal("on").optional(),
    sku: optionalText,
    options: optionalText,
    price: optionalText,
    compareAtPrice: optionalText,
    trackInventory: z.literal("on").optional(),
    stockOnHand: optionalText,
    weightGrams: optionalText,
  });
  return z
    .object({
      title: z
        .string({ required_error: t("catalogue:errors.titleRequired") })
        .trim()
        .min(1, t("catalogue:errors.titleRequired"))
        .max(200, t("catalogue:errors.tooLong", { max: 200 })),
      slug: z
        .string()
        .trim()
        .toLowerCase()
        .max(120, t("catalogue:errors.tooLong", { max: 120 }))
        .regex(SLUG_PATTERN, t("catalogue:errors.slugInvalid"))
        .optional(),
      status: z.enum(["draft", "active", "archived"], { errorMap: () => ({ message: t("catalogue:errors.statusInvalid") }) }),
      kind: z.enum(["physical", "digital"], { errorMap: () => ({ message: t("catalogue:errors.kindInvalid") }) }),
      descriptionHtml: z
        .string()
        .max(100_000, t("catalogue:errors.tooLong", { max: 100000 }))
        .optional(),
      seoTitle: z
        .string()
        .trim()
        .max(120, t("catalogue:errors.tooLong", { max: 120 }))
        .optional(),
      seoDescription: z
        .string()
        .trim()
        .max(320, t("catalogue:errors.tooLong", { max: 320 }))
        .optional(),
      taxable: z.literal("on").optional(),
      optionNames: z
        .string()
        .optional()
        .refine(
          (text) => splitOptionNames(text).length <= MAX_OPTION_NAMES,
          t("catalogue:errors.tooManyOptions", { max: MAX_OPTION_NAMES }),
        )
        .refine((text) => splitOptionNames(text).every((n) => n.length <= 50), t("catalogue:errors.tooLong", { max: 50 }))
        .refine((text) => {
          const names = splitOptionNames(text).map((n) => n.toLowerCase());
          return new Set(names).size === names.length;
        }, t("catalogue:errors.optionNamesDuplicate")),
      categoryIds: z.array(z.string()).optional(),
      variants: z.array(variant).optional(),
    })
    .transform((value, ctx): ProductInput => {
      const optionNames = splitOptionNames(value.optionNames);
      const issue = (path: Array<string | number>, message: string) =>
        ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
      const variants: ProductInput["variants"] = [];
      const seen = new Map<string, number>();
      const formIndex: number[] = [];
      for (const [index, row] of (value.variants ?? []).entries()) {
        if (row.remove) continue;
        const blank =
          !row.id && !row.sku && !row.price && !row.options && !row.compareAtPrice && !row.stockOnHand && !row.weightGrams;
        if (blank) continue;
        const path = (field: string) => ["variants", index, field];
        if (!row.sku) issue(path("sku"), t("catalogue:errors.skuRequired"));
        else if (!/^[A-Za-z0-9._\-/]{1,64}$/.test(row.sku)) issue(path("sku"), t("catalogue:errors.skuInvalid"));
        else if (seen.has(row.sku.toUpperCase())) issue(path("sku"), t("catalogue:errors.skuDuplicate"));
        else seen.set(row.sku.toUpperCase(), index);
        const price = row.price ? parseMoney(row.price, currency) : null;
        if (!row.price) issue(path("price"), t("catalogue:errors.priceRequired"));
        else if (price === null) issue(path("price"), t("catalogue:errors.priceInvalid"));
        const compareAt = row.compareAtPrice ? parseMoney(row.compareAtPrice, currency) : null;
        if (row.compareAtPrice && compareAt === null) issue(path("compareAtPrice"), t("catalogue:errors.priceInvalid"));
        else if (compareAt !== null && price !== null && compareAt <= price)
          issue(path("compareAtPrice"), t("catalogue:errors.compareAtNotHigher"));
        const optionValues = splitOptionValues(row.options);
        if (optionValues.length !== optionNames.length) {
          issue(
            path("options"),
            optionNames.length === 0
              ? t("catalogue:errors.noOptionsExpected")
              : t("catalogue:errors.optionCount", { count: optionNames.length, names: optionNames.join(", ") }),
          );
        } else if (optionValues.some((v) => v.length > 100)) issue(path("options"), t("catalogue:errors.tooLong", { max: 100 }));
        let stock: number | undefined;
        if (row.stockOnHand) {
          stock = /^\d+$/.test(row.stockOnHand) ? Number(row.stockOnHand) : Number.NaN;
          if (!Number.isSafeInteger(stock) || stock > MAX_STOCK) issue(path("stockOnHand"), t("catalogue:errors.stockInvalid"));
        }
        let weight: number | null = null;
        if (row.weightGrams) {
          weight = /^\d+$/.test(row.weightGrams) ? Number(row.weightGrams) : Number.NaN;
          if (!Number.isSafeInteger(weight) || weight > 1_000_000)
            issue(path("weightGrams"), t("catalogue:errors.weightInvalid"));
        }
        formIndex.push(index);
        variants.push({
          ...(row.id ? { id: row.id } : {}),
          sku: row.sku ?? "",
          optionValues,
          price: price ?? 0,
          compareAtPrice: compareAt,
          trackInventory: row.trackInventory === "on",
          ...(row.id ? {} : { stockOnHand: stock ?? 0 }),
          weightGrams: weight,
        });
      }
      if (variants.length === 0) issue(["variants"], t("catalogue:errors.variantRequired"));
      const combos = new Set<string>();
      for (const [index, v] of variants.entries()) {
        const key = JSON.stringify(v.optionValues.map((o) => o.toLowerCase()));
        if (combos.has(key)) issue(["variants", formIndex[index] ?? index, "options"], t("catalogue:errors.optionDuplicate"));
        combos.add(key);
      }
      return {
        title: value.title,
        ...(value.slug ? { slug: value.slug } : {}),
        status: value.status,
        kind: value.kind,
        descriptionHtml: value.descriptionHtml ?? "",
        seoTitle: value.seoTitle || null,
        seoDescription: value.seoDescription || null,
        taxable: value.taxable === "on",
        optionNames,
        categoryIds: value.categoryIds ?? [],
        variants,
      };
    });
}
