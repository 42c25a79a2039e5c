// Order numbers customers can read out and type: "VS-7K3M-Q9XD". The eight characters after the
// prefix are 40 random bits in Crockford base32, so numbers are not sequential and say nothing
// about how many orders the shop takes (a sequence or a date-based number would).
//
// Collisions: with N orders already stored, a fresh number clashes with probability N / 2^40
// (about 1 in 1.1 million at one million orders). The database's unique key on the number is the
// real guarantee; the code that creates an order retries with a new number on a unique violation,
// so a clash costs one extra insert, never a wrong order.
//
// Pure and isomorphic: the default byte source is Web Crypto (global in Node 20 and browsers);
// tests inject their own bytes.

export const ORDER_NUMBER_PREFIX = "VS";
export const ORDER_NUMBER_BODY_LENGTH = 8; // 8 × 5 bits = 40 bits = exactly 5 bytes

// Crockford's alphabet: digits and upper-case letters without I, L, O (read as 1, 1, 0) and U.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BODY = "[0-9A-HJKMNP-TV-Z]{4}";
const CANONICAL = new RegExp(`^${ORDER_NUMBER_PREFIX}-${BODY}-${BODY}$`);

export type RandomBytes = (length: number) => Uint8Array;

export const webCryptoBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/** Eight base32 characters from five bytes: 40 bits split into 5-bit groups, so no modulo bias. */
function encodeBody(bytes: Uint8Array): string {
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let out = "";
  for (let i = ORDER_NUMBER_BODY_LENGTH - 1; i >= 0; i--) {
    out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  }
  return out;
}

function format(body: string): string {
  return `${ORDER_NUMBER_PREFIX}-${body.slice(0, 4)}-${body.slice(4)}`;
}

/** A fresh order number. Callers store it under a unique key and retry on a clash. */
export function newOrderNumber(random: RandomBytes = webCryptoBytes): string {
  const bytes = random(5);
  if (bytes.length !== 5) throw new Error("The byte source must return exactly 5 bytes.");
  return format(encodeBody(bytes));
}

/** True only for the canonical form we store and show ("VS-7K3M-Q9XD"). */
export function isOrderNumber(value: unknown): value is string {
  return typeof value === "string" && CANONICAL.test(value);
}

/**
 * What a customer typed, in canonical form, or null when it cannot be an order number. Accepts any
 * case, spaces or dashes anywhere (or none), and a missing "VS" prefix; reads O as 0 and I/L as 1
 * the way Crockford decoding does, because those are the usual misreadings. U is refused (it is
 * not in the alphabet and no character looks like it).
 */
export function normaliseOrderNumber(input: string): string | null {
  let compact = input.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length === ORDER_NUMBER_PREFIX.length + ORDER_NUMBER_BODY_LENGTH) {
    if (!compact.startsWith(ORDER_NUMBER_PREFIX)) return null;
    compact = compact.slice(ORDER_NUMBER_PREFIX.length);
  }
  if (compact.length !== ORDER_NUMBER_BODY_LENGTH) return null;
  const body = compact.replace(/O/g, "0").replace(/[IL]/g, "1");
  if (![...body].every((char) => ALPHABET.includes(char))) return null;
  return format(body);
}
