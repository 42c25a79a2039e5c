// Minor units → the text an admin would type ("4.99", "1200" for JPY), for form default values.
import { currencyExponent } from "~/utils/money";

export function moneyInputValue(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return "";
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  return exponent > 0 ? `${whole}.${digits.slice(digits.length - exponent)}` : whole;
}
