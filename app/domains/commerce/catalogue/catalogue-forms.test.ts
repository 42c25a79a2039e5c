// The pure parts of the catalogue: slugs, search text, the category tree, and the admin product
// form turning typed text into a ProductInput (or refusing it next to the right field).
import { describe, expect, it } from "vitest";
import { descendantIds, outline, wouldCreateCycle } from "./category-tree";
import { createProductFormSchema } from "./product-form";
import { amountText, productDefaults } from "./product-form-defaults";
import { findOptionProblem, slugify } from "./product-input";
import { buildSearchText } from "./search-text";

const t = (key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key);

function parse(fields: Record<string, string>, currency = "USD") {
  const form = { title: "Tee", status: "draft", kind: "physical", ...fields };
  const variants: Array<Record<string, string>> = [];
  for (const [key, value] of Object.entries(form)) {
    const match = /^variants\[(\d+)\]\.(\w+)$/.exec(key);
    if (match) (variants[Number(match[1])] ??= {})[match[2]!] = value;
  }
  const plain = Object.fromEntries(Object.entries(form).filter(([k]) => !k.startsWith("variants[")));
  return createProductFormSchema(t, currency).safeParse({ ...plain, variants });
}

describe("slugify", () => {
  it("makes ASCII slugs from any title", () => {
    expect(slugify("Café Crème — 250 g!")).toBe("cafe-creme-250-g");
    expect(slugify("   ")).toBe("product");
    expect(slugify("a".repeat(100))).toHaveLength(80);
  });
});

describe("buildSearchText", () => {
  it("holds the description text, SKUs, option values and categories once each", () => {
    const text = buildSearchText({
      descriptionHtml: "<p>Soft&nbsp;<b>wool</b></p><script>x()</script>",
      skus: ["A-1", "A-2"],
      optionValues: ["Red", "Red", "M"],
      categoryNames: ["Scarves"],
    });
    expect(text).toBe("Soft wool A-1 A-2 Red M Scarves");
  });
});

describe("category tree", () => {
  const cats = [
    { id: "a", name: "A", slug: "a", parentId: null, position: 1 },
    { id: "b", name: "B", slug: "b", parentId: "a", position: 0 },
    { id: "c", name: "C", slug: "c", parentId: "b", position: 0 },
    { id: "d", name: "D", slug: "d", parentId: null, position: 0 },
  ];
  it("detects a move under itself or a descendant", () => {
    expect(wouldCreateCycle(cats, "a", "c")).toBe(true);
    expect(wouldCreateCycle(cats, "a", "a")).toBe(true);
    expect(wouldCreateCycle(cats, "c", "d")).toBe(false);
    expect(wouldCreateCycle(cats, "b", null)).toBe(false);
  });
  it("outlines depth first by position, and lists descendants", () => {
    expect(outline(cats).map((c) => `${c.id}${c.depth}`)).toEqual(["d0", "a0", "b1", "c2"]);
    expect(descendantIds(cats, "a").sort()).toEqual(["a", "b", "c"]);
  });
});

describe("findOptionProblem", () => {
  it("requires one distinct value combination per variant and distinct SKUs", () => {
    expect(
      findOptionProblem(
        ["Size"],
        [
          { sku: "A", optionValues: ["S"] },
          { sku: "B", optionValues: ["M"] },
        ],
      ),
    ).toBeNull();
    expect(findOptionProblem(["Size"], [{ sku: "A", optionValues: [] }])).toEqual({ kind: "count", index: 0 });
    expect(
      findOptionProblem(
        [],
        [
          { sku: "A", optionValues: [] },
          { sku: "B", optionValues: [] },
        ],
      ),
    ).toEqual({ kind: "duplicate_combination", index: 1 });
    expect(
      findOptionProblem(
        ["Size"],
        [
          { sku: "a", optionValues: ["S"] },
          { sku: "A", optionValues: ["M"] },
        ],
      ),
    ).toEqual({ kind: "duplicate_sku", index: 1 });
    expect(findOptionProblem(["Size", "size"], [])).toEqual({ kind: "duplicate_name" });
  });
});

describe("product form", () => {
  it("turns typed prices into minor units and ignores the blank spare row", () => {
    const result = parse({
      optionNames: "Size, Colour",
      taxable: "on",
      "variants[0].sku": "T-S-R",
      "variants[0].options": "S / Red",
      "variants[0].price": "1,234.50",
      "variants[0].compareAtPrice": "1500",
      "variants[0].trackInventory": "on",
      "variants[0].stockOnHand": "7",
      "variants[1].sku": "",
      "variants[1].price": "",
    });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      optionNames: ["Size", "Colour"],
      taxable: true,
      variants: [
        { sku: "T-S-R", optionValues: ["S", "Red"], price: 123450, compareAtPrice: 150000, trackInventory: true, stockOnHand: 7 },
      ],
    });
  });

  it("uses the currency's decimals: yen has none", () => {
    expect(parse({ "variants[0].sku": "Y", "variants[0].price": "1500" }, "JPY").data?.variants[0]?.price).toBe(1500);
    const refused = parse({ "variants[0].sku": "Y", "variants[0].price": "15.5" }, "JPY");
    expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(["variants.0.price"]);
  });

  it("refuses bad rows with the error on the field, and a product without variants", () => {
    const result = parse({
      optionNames: "Size",
      "variants[0].sku": "bad sku!",
      "variants[0].options": "S",
      "variants[0].price": "-1",
      "variants[1].sku": "OK",
      "variants[1].options": "S",
      "variants[1].price": "2",
      "variants[1].compareAtPrice": "1",
      "variants[1].stockOnHand": "2.5",
    });
    const paths = result.error?.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual([
      "variants.0.price",
      "variants.0.sku",
      "variants.1.compareAtPrice",
      "variants.1.options",
      "variants.1.stockOnHand",
    ]);
    expect(parse({ "variants[0].sku": "" }).error?.issues.map((i) => i.path.join("."))).toEqual(["variants"]);
  });

  it("drops a row ticked for removal and never sends stock for an existing variant", () => {
    const result = parse({
      "variants[0].id": "v1",
      "variants[0].sku": "A",
      "variants[0].price": "1",
      "variants[0].stockOnHand": "99",
      "variants[1].id": "v2",
      "variants[1].sku": "B",
      "variants[1].price": "1",
      "variants[1].remove": "on",
    });
    expect(result.data?.variants).toEqual([
      { id: "v1", sku: "A", optionValues: [], price: 100, compareAtPrice: null, trackInventory: false, weightGrams: null },
    ]);
  });

  it("prefills prices as plain decimals the form parses back", () => {
    expect(amountText(5, "USD")).toBe("0.05");
    expect(amountText(1500, "JPY")).toBe("1500");
    const defaults = productDefaults(
      {
        title: "T",
        slug: "t",
        status: "draft",
        kind: "physical",
        descriptionHtml: "",
        seoTitle: null,
        seoDescription: null,
        taxable: true,
        optionNames: ["Size"],
        categories: [],
        variants: [
          { id: "v", sku: "S", optionValues: ["M"], price: 1999, compareAtPrice: null, trackInventory: true, weightGrams: 250 },
        ],
      },
      "USD",
    );
    expect(defaults.variants).toHaveLength(2);
    expect(defaults.variants[0]).toMatchObject({ options: "M", price: "19.99", weightGrams: "250" });
  });
});
