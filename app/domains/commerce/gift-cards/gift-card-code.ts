// Gift card codes: 16 characters of Crockford's base32 (no I, L, O or U, so nothing reads as 1, 0
// or a rude word), 80 random bits from the platform's CSPRNG, shown as XXXX-XXXX-XXXX-XXXX and
// stored upper-case without separators.

export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const GIFT_CARD_CODE_LENGTH = 16;

/** A new random code (crypto.getRandomValues: Node and browsers). */
export function generateGiftCardCode(): string {
  const bytes = new Uint8Array(GIFT_CARD_CODE_LENGTH);
  crypto.getRandomValues(bytes);
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  return Array.from(bytes, (byte) => CROCKFORD_ALPHABET[byte % 32]).join("");
}

/** "abcd-efgh 2345 6789" → "ABCDEFGH23456789": any case, dashes and spaces accepted. */
export function normaliseGiftCardCode(text: string): string {
  return text.replace(/[\s-]+/g, "").toUpperCase();
}

/** "ABCDEFGH23456789" → "ABCD-EFGH-2345-6789". */
export function formatGiftCardCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/** The last four characters, for places that must not show the whole code (lists, audit rows). */
export function maskGiftCardCode(code: string): string {
  return `…${code.slice(-4)}`;
}
