// An amount as plain decimal text in its currency's exponent (1250 USD → "12.50", 1250 JPY →
// "1250"): what a spreadsheet reads, what the refund form pre-fills and the price of a JSON-LD
// Offer. Pure; exact from the digits.
import { currencyExponent, type Money } from "~/utils/money";

export function decimalAmount(minor: Money, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${minor < 0 ? "-" : ""}${whole}${exponent > 0 ? `.${fraction}` : ""}`;
}
