// Money as integer minor units (cents, pence, yen, fils). Amounts never pass through floating-point
// arithmetic: a float sum like 0.1 + 0.2 is how carts, e-mails and Stripe end up a cent apart.
// Every helper here takes and returns safe integers; the currency only matters when an amount is
// shown to or read from a person (formatMoney, parseMoney).
//
// Pure and isomorphic (server and browser).

/** An amount in the currency's minor unit: 1999 is $19.99, 1999 is ¥1,999, 1999 is 1.999 KWD. */
export type Money = number;

/** Largest amount parseMoney accepts (10^12 minor units, $10 billion): far above any order. */
export const MAX_PARSED_MINOR = 1_000_000_000_000;

/** Programmer error when a value is not a safe integer: money must never be fractional. */
export function assertMinor(value: number, label = "amount"): asserts value is Money {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${label} must be a safe integer of minor units, got ${String(value)}`);
  }
}

/** Digits after the decimal point for a currency (JPY 0, USD/EUR 2, KWD/BHD 3), from Intl's data. */
export function currencyExponent(currency: string): number {
  return currencyFormatter("en", currency).exponent;
}

/**
 * The decimal string of a minor amount ("-12.05" for -1205 at exponent 2). Built from digits, not
 * by dividing, so Intl formats the exact value whatever its size.
 */
function toDecimalString(minor: Money, exponent: number): `${number}` {
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const sign = minor < 0 ? "-" : "";
  return `${sign}${whole}${exponent > 0 ? `.${fraction}` : ""}` as `${number}`;
}

/** 123450 → "$1,234.50" (en-US, USD) or "1 234,50 €" (fr-FR, EUR); 1235 → "¥1,235" (en-US, JPY). */
// Building an Intl.NumberFormat costs far more than formatting with one (a product listing formats
// dozens of prices): keep one per locale and currency. Both come from a short list (the app's
// languages, the shop currency), and the map is bounded anyway.
const currencyFormatters = new Map<string, { formatter: Intl.NumberFormat; exponent: number }>();
const MAX_FORMATTERS = 64;

function currencyFormatter(locale: string, currency: string) {
  const key = `${locale}|${currency}`;
  let entry = currencyFormatters.get(key);
  if (!entry) {
    const formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    entry = { formatter, exponent: formatter.resolvedOptions().maximumFractionDigits as number };
    if (currencyFormatters.size >= MAX_FORMATTERS) currencyFormatters.clear();
    currencyFormatters.set(key, entry);
  }
  return entry;
}

export function formatMoney(minor: Money, currency: string, locale: string): string {
  assertMinor(minor);
  const { formatter, exponent } = currencyFormatter(locale, currency);
  return formatter.format(toDecimalString(minor, exponent));
}

// English-style input only: "1234", "1,234" (groups of three), optional "." and fraction digits.
// Other locales' separators ("1.234,56") are refused rather than guessed: a wrong guess is a price
// off by a factor of a thousand.
const EN_AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Minor units from what a person typed ("12", "12.5", "12.50", "1,234.56"), or null when the text
 * is not an amount: negatives, letters, more decimals than the currency has (no silent rounding),
 * or more than MAX_PARSED_MINOR.
 */
export function parseMoney(input: string, currency: string): Money | null {
  const match = EN_AMOUNT.exec(input.trim());
  if (!match) return null;
  const exponent = currencyExponent(currency);
  const whole = match[1].replaceAll(",", "");
  const fraction = match[2] ?? "";
  if (fraction.length > exponent) return null;
  const minor = BigInt(whole + fraction.padEnd(exponent, "0"));
  if (minor > BigInt(MAX_PARSED_MINOR)) return null;
  return Number(minor);
}

/**
 * `amount × basisPoints / 10 000` (1250 basis points = 12.5 %), rounded half-up: an exact half
 * cent goes away from zero (12.5 → 13, -12.5 → -13), anything below a half goes down. Computed
 * with BigInt so the product cannot lose precision.
 */
export function percentOf(amount: Money, basisPoints: number): Money {
  assertMinor(amount);
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) {
    throw new RangeError(`basis points must be a non-negative integer, got ${basisPoints}`);
  }
  const product = BigInt(Math.abs(amount)) * BigInt(basisPoints);
  const rounded = Number((product + 5_000n) / 10_000n);
  return amount < 0 ? -rounded : rounded;
}

/**
 * Splits `amount` across `weights` in proportion, by largest remainder: every share is first rounded
 * down, then the units left over go one each to the largest remainders (ties: the earlier index).
 * The shares always add up to `amount` exactly, and when `amount` ≤ the sum of the weights no
 * share exceeds its weight (so a discount spread over lines never makes a line negative).
 *
 * Weights are non-negative integers (line totals). A non-zero amount over weights that are all zero
 * has no proportion to follow and is a programmer error.
 */
export function allocate(amount: Money, weights: readonly number[]): Money[] {
  assertMinor(amount);
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new RangeError(`weights must be non-negative integers, got ${weight}`);
    }
  }
  const total = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (amount === 0) return weights.map(() => 0);
  if (total === 0n) throw new RangeError("cannot allocate a non-zero amount over zero weights");

  const magnitude = BigInt(Math.abs(amount));
  const shares = weights.map((weight) => (magnitude * BigInt(weight)) / total);
  const remainders = weights.map((weight, index) => ({
    index,
    remainder: (magnitude * BigInt(weight)) % total,
  }));
  let left = magnitude - shares.reduce((sum, share) => sum + share, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    shares[index] += 1n;
    left -= 1n;
  }
  const sign = amount < 0 ? -1 : 1;
  return shares.map((share) => sign * Number(share));
}
