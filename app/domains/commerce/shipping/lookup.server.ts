// Which shipping methods a destination country can choose. A country belongs to the zone that lists
// it; a country no zone lists falls back to the "*" (rest of the world) zone; with neither, nothing
// ships there (an empty list, and checkout says so). Only active methods, in the admin's order.
import type { Db, Tx } from "~/infra/db.server";
import { prisma } from "~/infra/db.server";
import type { Money } from "~/utils/money";
import type { ShippingMethod } from "../totals";
import { REST_OF_WORLD_CODE as REST_OF_WORLD } from "./zone-codes";

export type ShippingOption = {
  id: string;
  name: string;
  rate: Money;
  freeAbove: Money | null;
  zoneName: string;
};

/** ISO 3166-1 alpha-2, upper-cased ("us" → "US"); anything else is not a country. */
export function normaliseCountry(text: string): string {
  return text.trim().toUpperCase();
}

export async function shippingOptionsFor(country: string, db: Db | Tx = prisma): Promise<ShippingOption[]> {
  const code = normaliseCountry(country);
  if (!/^[A-Z]{2}$/.test(code)) return [];
  const zones = await db.shippingZone.findMany({
    where: { countries: { hasSome: [code, REST_OF_WORLD] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      name: true,
      countries: true,
      methods: {
        where: { isActive: true },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true, name: true, rate: true, freeAbove: true },
      },
    },
  });
  const zone = zones.find((z) => z.countries.includes(code)) ?? zones.find((z) => z.countries.includes(REST_OF_WORLD));
  if (!zone) return [];
  return zone.methods.map((method) => ({ ...method, zoneName: zone.name }));
}

/** The pure totals' view of an option. */
export function toShippingMethod(option: ShippingOption): ShippingMethod {
  return {
    methodId: option.id,
    kind: "flat",
    rate: option.rate,
    ...(option.freeAbove === null ? {} : { freeAbove: option.freeAbove }),
  };
}
