import { describe, expect, it } from "vitest";
import { formatPercent, parsePercent } from "./percent";

describe("parsePercent", () => {
  it("reads whole and decimal percentages into basis points", () => {
    expect(parsePercent("7.25")).toBe(725);
    expect(parsePercent("10")).toBe(1000);
    expect(parsePercent("12.5 %")).toBe(1250);
    expect(parsePercent("0")).toBe(0);
    expect(parsePercent("100")).toBe(10_000);
  });

  it("refuses negatives, more than two decimals, other separators and more than 100 %", () => {
    for (const text of ["-5", "7.255", "7,25", "100.01", "abc", ""]) expect(parsePercent(text)).toBeNull();
  });

  it("writes basis points back the way an admin would type them", () => {
    expect(formatPercent(725)).toBe("7.25");
    expect(formatPercent(1250)).toBe("12.5");
    expect(formatPercent(1000)).toBe("10");
    expect(formatPercent(5)).toBe("0.05");
  });
});
