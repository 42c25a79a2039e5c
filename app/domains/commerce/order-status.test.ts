import { describe, expect, it } from "vitest";
import { DomainError, isDomainError } from "~/domains/errors";
import {
  assertTransition,
  CANCELLABLE_STATUSES,
  canTransition,
  eventForTransition,
  isFinal,
  isOrderStatus,
  nextStatuses,
  ORDER_STATUSES,
  REFUNDABLE_STATUSES,
  refundStatus,
  statusAfterRefund,
  validateFulfilment,
  type OrderStatus,
} from "./order-status";

describe("transitions", () => {
  it("follows the happy path", () => {
    expect(canTransition("pending_payment", "paid")).toBe(true);
    expect(canTransition("paid", "fulfilled")).toBe(true);
    expect(canTransition("fulfilled", "delivered")).toBe(true);
  });

  it("refuses skipping steps and going back", () => {
    expect(canTransition("pending_payment", "fulfilled")).toBe(false);
    expect(canTransition("paid", "delivered")).toBe(false); // delivered needs fulfilled first
    expect(canTransition("fulfilled", "paid")).toBe(false);
    expect(canTransition("delivered", "fulfilled")).toBe(false);
    expect(canTransition("pending_payment", "refunded")).toBe(false); // nothing was paid
  });

  it("cancels only before fulfilment", () => {
    for (const from of ORDER_STATUSES) {
      expect(canTransition(from, "cancelled")).toBe(CANCELLABLE_STATUSES.includes(from));
    }
    expect(CANCELLABLE_STATUSES).toEqual(["pending_payment", "paid"]);
  });

  it("refunds once money was taken", () => {
    for (const from of ORDER_STATUSES) {
      const refundable = REFUNDABLE_STATUSES.includes(from);
      expect(canTransition(from, "refunded")).toBe(refundable);
      expect(canTransition(from, "partially_refunded")).toBe(refundable);
    }
  });

  it("treats cancelled and refunded as final, and nothing goes back to pending payment", () => {
    expect(isFinal("cancelled")).toBe(true);
    expect(isFinal("refunded")).toBe(true);
    expect(ORDER_STATUSES.filter(isFinal)).toEqual(["cancelled", "refunded"]);
    for (const from of ORDER_STATUSES) expect(canTransition(from, "pending_payment")).toBe(false);
  });

  it("only allows a status to follow itself for a further partial refund", () => {
    const selfLoops = ORDER_STATUSES.filter((status) => canTransition(status, status));
    expect(selfLoops).toEqual(["partially_refunded"]);
  });

  it("lists the next statuses for the admin UI", () => {
    expect(nextStatuses("pending_payment")).toEqual(["paid", "cancelled"]);
    expect(nextStatuses("fulfilled")).toEqual(["delivered", "partially_refunded", "refunded"]);
    expect(nextStatuses("refunded")).toEqual([]);
  });

  it("throws a DomainError naming both statuses", () => {
    expect(() => assertTransition("paid", "paid")).toThrow(DomainError);
    let caught: unknown;
    try {
      assertTransition("delivered", "cancelled");
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught, "invalid_transition")).toBe(true);
    expect((caught as DomainError).message).toContain("delivered");
    expect((caught as DomainError).message).toContain("cancelled");
    expect(() => assertTransition("paid", "fulfilled")).not.toThrow();
  });

  it("recognises statuses", () => {
    expect(isOrderStatus("paid")).toBe(true);
    expect(isOrderStatus("shipped")).toBe(false);
    expect(isOrderStatus(undefined)).toBe(false);
  });
});

describe("events", () => {
  const event = (from: OrderStatus, to: OrderStatus) => eventForTransition(from, to);

  it("fires the events the issue lists", () => {
    expect(event("pending_payment", "paid")).toBe("order.paid");
    expect(event("paid", "fulfilled")).toBe("order.fulfilled");
    expect(event("delivered", "partially_refunded")).toBe("order.refunded");
    expect(event("partially_refunded", "refunded")).toBe("order.refunded");
  });

  it("fires nothing on delivery or when an unpaid order is cancelled", () => {
    expect(event("fulfilled", "delivered")).toBeNull();
    expect(event("pending_payment", "cancelled")).toBeNull();
  });

  it("reports a paid order's cancellation as a refund", () => {
    expect(event("paid", "cancelled")).toBe("order.refunded");
  });
});

describe("refundStatus", () => {
  it("is partial below the paid amount and full at it", () => {
    expect(refundStatus({ paid: 5000, refunded: 1 })).toBe("partially_refunded");
    expect(refundStatus({ paid: 5000, refunded: 4999 })).toBe("partially_refunded");
    expect(refundStatus({ paid: 5000, refunded: 5000 })).toBe("refunded");
  });

  it("refuses more than was paid", () => {
    expect(() => refundStatus({ paid: 5000, refunded: 5001 })).toThrow(expect.objectContaining({ code: "refund_exceeds_paid" }));
  });

  it("refuses zero, negative and fractional amounts", () => {
    for (const refunded of [0, -1, 10.5, Number.NaN]) {
      expect(() => refundStatus({ paid: 5000, refunded })).toThrow(expect.objectContaining({ code: "invalid_refund" }));
    }
    expect(() => refundStatus({ paid: 49.99, refunded: 10 })).toThrow(expect.objectContaining({ code: "invalid_refund" }));
  });

  it("checks the refund against the order's status", () => {
    expect(statusAfterRefund("delivered", { paid: 100, refunded: 40 })).toBe("partially_refunded");
    expect(statusAfterRefund("partially_refunded", { paid: 100, refunded: 100 })).toBe("refunded");
    expect(() => statusAfterRefund("pending_payment", { paid: 100, refunded: 40 })).toThrow(
      expect.objectContaining({ code: "invalid_transition" }),
    );
    expect(() => statusAfterRefund("cancelled", { paid: 100, refunded: 100 })).toThrow(
      expect.objectContaining({ code: "invalid_transition" }),
    );
  });
});

describe("validateFulfilment", () => {
  it("accepts and trims a carrier and tracking number", () => {
    expect(validateFulfilment({ carrier: "  DHL Paquetería ", trackingNumber: " JD01 4600-0033 " })).toEqual({
      ok: true,
      value: { carrier: "DHL Paquetería", trackingNumber: "JD01 4600-0033" },
    });
  });

  it("requires both fields", () => {
    const result = validateFulfilment({ carrier: "  ", trackingNumber: "" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.carrier?.reason).toBe("required");
    expect(result.issues.trackingNumber?.reason).toBe("required");
    expect(result.issues.carrier?.key).toBe("commerce:fulfilment.carrier.required");
    expect(result.issues.carrier?.message).toBe("Enter the carrier.");
  });

  it("enforces the lengths", () => {
    const reasons = (carrier: string, trackingNumber: string) => {
      const result = validateFulfilment({ carrier, trackingNumber });
      return result.ok ? null : { carrier: result.issues.carrier?.reason, tracking: result.issues.trackingNumber?.reason };
    };
    expect(reasons("x".repeat(60), "abc")).toBeNull();
    expect(reasons("é".repeat(60), "a".repeat(64))).toBeNull();
    expect(reasons("x".repeat(61), "ab")).toEqual({ carrier: "too_long", tracking: "too_short" });
    expect(reasons("UPS", "a".repeat(65))).toEqual({ carrier: undefined, tracking: "too_long" });
  });

  it("refuses odd characters and punctuation-only tracking numbers", () => {
    const dashes = validateFulfilment({ carrier: "UPS", trackingNumber: "- - -" });
    expect(dashes.ok ? null : dashes.issues.trackingNumber?.reason).toBe("invalid_characters");
    const result = validateFulfilment({ carrier: "UPS\u0007", trackingNumber: "1Z<script>" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.carrier?.reason).toBe("invalid_characters");
    expect(result.issues.trackingNumber?.reason).toBe("invalid_characters");
    expect(result.issues.trackingNumber?.message).toBe(
      "The tracking number can only contain letters, digits, spaces and dashes.",
    );
  });
});
