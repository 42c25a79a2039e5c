// What a shopper is told about a variant's stock. Sellable = on hand − reserved; an untracked
// variant is always in stock.
export type StockState = { kind: "in_stock" } | { kind: "low_stock"; count: number } | { kind: "out_of_stock" };

export type StockFields = { trackInventory: boolean; stockOnHand: number; stockReserved: number };

export function sellableQuantity(variant: StockFields): number | null {
  if (!variant.trackInventory) return null;
  return Math.max(0, variant.stockOnHand - variant.stockReserved);
}

/** "Only 3 left" at or below the shop's low-stock threshold, "Out of stock" at zero. */
export function stockState(variant: StockFields, lowStockThreshold: number): StockState {
  const sellable = sellableQuantity(variant);
  if (sellable === null) return { kind: "in_stock" };
  if (sellable <= 0) return { kind: "out_of_stock" };
  if (sellable <= lowStockThreshold) return { kind: "low_stock", count: sellable };
  return { kind: "in_stock" };
}
