import { describe, expect, it } from "vitest";
import { stockState } from "./stock-state";
import { chooseVariant, optionValueLists } from "./variant-choice";

const names = ["Size", "Colour"];
const variants = [
  { id: "s-red", optionValues: ["S", "Red"], position: 0 },
  { id: "m-red", optionValues: ["M", "Red"], position: 1 },
  { id: "m-blue", optionValues: ["M", "Blue"], position: 2 },
];
const choose = (search: string) => chooseVariant(names, variants, new URLSearchParams(search));

describe("chooseVariant", () => {
  it("shows the first variant by default", () => {
    expect(choose("")).toMatchObject({ variant: { id: "s-red" }, selected: ["S", "Red"], unavailable: false });
  });

  it("finds the variant from option values in the query", () => {
    expect(choose("Size=M&Colour=Blue")?.variant.id).toBe("m-blue");
    expect(choose("Colour=Blue")?.variant.id).toBe("m-blue");
  });

  it("finds the variant by id, which wins over option values", () => {
    expect(choose("variant=m-red&Colour=Blue")?.variant.id).toBe("m-red");
  });

  it("says a combination that does not exist is unavailable and keeps what was asked", () => {
    expect(choose("Size=S&Colour=Blue")).toMatchObject({ variant: { id: "s-red" }, selected: ["S", "Blue"], unavailable: true });
    expect(choose("variant=nope")).toMatchObject({ variant: { id: "s-red" }, unavailable: true });
  });

  it("returns null for a product without variants", () => {
    expect(chooseVariant(names, [], new URLSearchParams())).toBeNull();
  });

  it("lists each option's values in variant order without duplicates", () => {
    expect(optionValueLists(names, variants)).toEqual([
      ["S", "M"],
      ["Red", "Blue"],
    ]);
  });
});

describe("stockState", () => {
  const v = (stockOnHand: number, stockReserved = 0, trackInventory = true) => ({ stockOnHand, stockReserved, trackInventory });
  it("counts reserved units as gone", () => {
    expect(stockState(v(10, 7), 5)).toEqual({ kind: "low_stock", count: 3 });
    expect(stockState(v(10, 10), 5)).toEqual({ kind: "out_of_stock" });
    expect(stockState(v(6), 5)).toEqual({ kind: "in_stock" });
    expect(stockState(v(5), 5)).toEqual({ kind: "low_stock", count: 5 });
  });

  it("treats untracked variants as always in stock", () => {
    expect(stockState(v(0, 0, false), 5)).toEqual({ kind: "in_stock" });
  });
});
