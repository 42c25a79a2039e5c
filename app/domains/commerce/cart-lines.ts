// Cart lines as totals see them: prices already resolved (variant price, integer minor units,
// before tax). Checking what a customer typed happens before; a bad value here is a bug, so it
// throws instead of refusing.
import { assertMinor, type Money } from "~/utils/money";

export const MAX_LINE_QUANTITY = 999;

export type CartLine = {
  id: string;
  productId: string;
  categoryIds: string[];
  unitPrice: Money;
  quantity: number;
  taxable: boolean;
  requiresShipping: boolean;
};

export function lineTotal(line: CartLine): Money {
  return line.unitPrice * line.quantity;
}

/** Throws on a programmer error: duplicate ids, quantity outside 1…999, a fractional or negative price. */
export function assertValidLines(lines: readonly CartLine[]): void {
  const ids = new Set<string>();
  for (const line of lines) {
    if (ids.has(line.id)) throw new RangeError(`duplicate cart line id ${line.id}`);
    ids.add(line.id);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_LINE_QUANTITY) {
      throw new RangeError(`line ${line.id}: quantity must be an integer from 1 to ${MAX_LINE_QUANTITY}`);
    }
    assertMinor(line.unitPrice, `line ${line.id} unit price`);
    if (line.unitPrice < 0) throw new RangeError(`line ${line.id}: unit price must not be negative`);
    assertMinor(lineTotal(line), `line ${line.id} total`);
  }
}
