import { describe, expect, it } from "vitest";
import { listingCacheKey, parseShopListQuery, shopHref, sortOptions } from "./listing-query";

const parse = (search: string) => parseShopListQuery(new URLSearchParams(search));

describe("parseShopListQuery", () => {
  it("defaults to the newest products, page 1, no filters", () => {
    expect(parse("")).toEqual({ q: "", category: "", collection: "", sort: "newest", page: 1 });
  });

  it("sorts by relevance while searching, unless another sort is chosen", () => {
    expect(parse("q=mug").sort).toBe("relevance");
    expect(parse("q=mug&sort=price-asc").sort).toBe("price-asc");
    expect(parse("sort=relevance").sort).toBe("newest");
  });

  it("ignores malformed slugs, sorts and pages instead of failing", () => {
    expect(parse("category=../../etc&collection=Summer%20Sale&sort=cheapest&page=-3")).toEqual({
      q: "",
      category: "",
      collection: "",
      sort: "newest",
      page: 1,
    });
    expect(parse("category=Mugs-And-Cups").category).toBe("mugs-and-cups");
    expect(parse("page=7").page).toBe(7);
  });

  it("trims and caps the search text", () => {
    expect(parse(`q=${"  a".padEnd(300, "b")}`).q).toHaveLength(100);
  });
});

describe("shopHref", () => {
  const query = parse("q=mug&category=kitchen&sort=price-desc&page=3");
  it("keeps the other filters and leaves defaults out", () => {
    expect(shopHref(query, { page: 1 })).toBe("/shop?q=mug&category=kitchen&sort=price-desc");
    expect(shopHref(query, { sort: "relevance", page: 1 })).toBe("/shop?q=mug&category=kitchen");
    expect(shopHref(parse(""), {})).toBe("/shop");
    expect(shopHref(parse(""), { sort: "newest", page: 2 })).toBe("/shop?page=2");
  });
});

describe("sortOptions and cache keys", () => {
  it("offers relevance only while searching", () => {
    expect(sortOptions({ q: "" })).not.toContain("relevance");
    expect(sortOptions({ q: "mug" })[0]).toBe("relevance");
  });

  it("gives equivalent URLs one cache entry and different listings different ones", () => {
    expect(listingCacheKey(parse("q=Mug&page=1"))).toBe(listingCacheKey(parse("page=1&q=mug")));
    expect(listingCacheKey(parse("page=2"))).not.toBe(listingCacheKey(parse("page=3")));
    expect(listingCacheKey(parse("sort=title"))).not.toBe(listingCacheKey(parse("sort=price-asc")));
  });
});
