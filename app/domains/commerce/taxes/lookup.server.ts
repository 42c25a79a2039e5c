// The tax rate for a destination: the region's own rate when there is one (California within the
// United States), else the whole country's (region ""), else none (no tax charged).
import type { Db, Tx } from "~/infra/db.server";
import { prisma } from "~/infra/db.server";
import type { TaxSetting } from "../totals";

/** "us" → "US", " ca " → "CA"; an absent region is "" (the whole country). */
export function normaliseRegion(text: string | undefined | null): string {
  return (text ?? "").trim().toUpperCase();
}

export async function taxSettingFor(
  country: string,
  region: string | undefined,
  db: Db | Tx = prisma,
): Promise<TaxSetting | undefined> {
  const countryCode = country.trim().toUpperCase();
  const regionCode = normaliseRegion(region);
  const rates = await db.taxRate.findMany({
    where: { country: countryCode, region: { in: regionCode ? [regionCode, ""] : [""] } },
    select: { region: true, rateBasisPoints: true, shippingTaxable: true },
  });
  const rate = rates.find((r) => r.region === regionCode && regionCode !== "") ?? rates.find((r) => r.region === "");
  if (!rate) return undefined;
  return { rateBasisPoints: rate.rateBasisPoints, shippingTaxable: rate.shippingTaxable, pricesIncludeTax: false };
}
