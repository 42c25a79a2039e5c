import { describe, expect, it } from "vitest";
import { isOrderNumber, newOrderNumber, normaliseOrderNumber } from "./order-number";

const bytes =
  (...values: number[]) =>
  () =>
    new Uint8Array(values);

describe("newOrderNumber", () => {
  it("encodes 40 bits as eight Crockford characters", () => {
    expect(newOrderNumber(bytes(0, 0, 0, 0, 0))).toBe("VS-0000-0000");
    expect(newOrderNumber(bytes(255, 255, 255, 255, 255))).toBe("VS-ZZZZ-ZZZZ");
    // 0x0842108421 is 00001 eight times over in 5-bit groups
    expect(newOrderNumber(bytes(0x08, 0x42, 0x10, 0x84, 0x21))).toBe("VS-1111-1111");
  });

  it("refuses a byte source that returns the wrong number of bytes", () => {
    expect(() => newOrderNumber(bytes(1, 2, 3))).toThrow();
  });

  it("gives canonical, distinct numbers from real randomness", () => {
    const numbers = new Set(Array.from({ length: 500 }, () => newOrderNumber()));
    expect(numbers.size).toBe(500);
    for (const number of numbers) expect(isOrderNumber(number)).toBe(true);
  });
});

describe("isOrderNumber", () => {
  it("accepts only the canonical form", () => {
    expect(isOrderNumber("VS-7K3M-Q9XD")).toBe(true);
    expect(isOrderNumber("vs-7k3m-q9xd")).toBe(false);
    expect(isOrderNumber("VS7K3MQ9XD")).toBe(false);
    expect(isOrderNumber("VS-7K3M-Q9XO")).toBe(false); // O is not in the alphabet
    expect(isOrderNumber("VS-7K3M-Q9XU")).toBe(false);
    expect(isOrderNumber(" VS-7K3M-Q9XD")).toBe(false);
    expect(isOrderNumber(42)).toBe(false);
  });
});

describe("normaliseOrderNumber", () => {
  it("accepts what customers type", () => {
    expect(normaliseOrderNumber("VS-7K3M-Q9XD")).toBe("VS-7K3M-Q9XD");
    expect(normaliseOrderNumber("vs7k3mq9xd")).toBe("VS-7K3M-Q9XD");
    expect(normaliseOrderNumber("  vs 7k3m q9xd ")).toBe("VS-7K3M-Q9XD");
    expect(normaliseOrderNumber("7K3M-Q9XD")).toBe("VS-7K3M-Q9XD");
  });

  it("reads O as 0 and I or L as 1", () => {
    expect(normaliseOrderNumber("VS-OIL0-ABCD")).toBe("VS-0110-ABCD");
    expect(normaliseOrderNumber("oilo-abcd")).toBe("VS-0110-ABCD");
  });

  it("refuses anything that cannot be an order number", () => {
    expect(normaliseOrderNumber("")).toBeNull();
    expect(normaliseOrderNumber("VS-7K3M-Q9X")).toBeNull();
    expect(normaliseOrderNumber("VS-7K3M-Q9XDD")).toBeNull();
    expect(normaliseOrderNumber("XX-7K3M-Q9XD")).toBeNull();
    expect(normaliseOrderNumber("VS-7K3M-Q9XU")).toBeNull();
    expect(normaliseOrderNumber("VS-7K3M-Q9X!")).toBeNull();
    expect(normaliseOrderNumber("VS_7K3M_Q9XD")).toBeNull();
  });
});
