// ISO 3166-1 alpha-2 country codes, checked and named with Intl (isomorphic, no list to maintain).
import { REST_OF_WORLD_CODE } from "./zone-codes";

export { REST_OF_WORLD_CODE };

/** A real country or territory code ("US", "ES"): not "ZZ" (unknown) nor made-up pairs. */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  try {
    const name = new Intl.DisplayNames(["en"], { type: "region" }).of(code);
    return Boolean(name) && name !== code && name !== "Unknown Region";
  } catch {
    return false;
  }
}

/** "ES" → "Spain" / "España"; "*" → the caller's "rest of the world" label. */
export function countryName(code: string, locale: string, restOfWorld: string): string {
  if (code === REST_OF_WORLD_CODE) return restOfWorld;
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "us, ca  mx" → ["US", "CA", "MX"] (commas, spaces or new lines between codes; duplicates once). */
export function splitCountryCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}
