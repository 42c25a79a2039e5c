// Percentages as people type them ("7.25", "12,5" is refused like parseMoney refuses other locales'
// separators) ↔ basis points (725). At most two decimals: a basis point is the finest unit stored.

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/;

/** "7.25" or "7.25 %" → 725; null for anything else or above 100 %. */
export function parsePercent(text: string): number | null {
  const match = PERCENT.exec(text.trim());
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return basisPoints > 10_000 ? null : basisPoints;
}

/** 725 → "7.25", 1000 → "10" (for inputs and tables; the UI adds the % sign). */
export function formatPercent(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}
