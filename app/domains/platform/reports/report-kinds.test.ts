import { describe, expect, it } from "vitest";
import { isReportKind, parseReportParams, reportFileName } from "./report-kinds";

describe("report kinds", () => {
  it("knows users and orders and nothing else", () => {
    expect(isReportKind("users")).toBe(true);
    expect(isReportKind("orders")).toBe(true);
    expect(isReportKind("products")).toBe(false);
    expect(isReportKind(undefined)).toBe(false);
  });

  it("reads the users filters the way the list does, dropping the page and bad values", () => {
    const form = new FormData();
    form.set("q", "  ann ");
    form.set("role", "blogger");
    form.set("status", "deactivated");
    form.set("sort", "name");
    form.set("page", "3");
    expect(parseReportParams("users", form)).toEqual({
      q: "ann",
      role: "blogger",
      status: "deactivated",
      sort: "name",
      dir: "asc",
    });
    expect(parseReportParams("users", { role: "Not A Role!", status: "weird", sort: "password", dir: "up", q: 5 })).toEqual({
      q: "",
      role: "",
      status: "",
      sort: "created",
      dir: "desc",
    });
  });

  it("reads the orders filters the way the list does, with the requester's time zone", () => {
    expect(
      parseReportParams("orders", {
        q: " VS-1 ",
        status: "paid",
        payment: "offline",
        from: "2026-11-12",
        to: "2026-11-01",
        tz: "Europe/Madrid",
        page: "4",
      }),
    ).toEqual({
      q: "VS-1",
      status: "paid",
      payment: "offline",
      from: "2026-11-01",
      to: "2026-11-12",
      sort: "placed",
      dir: "desc",
      tz: "Europe/Madrid",
    });
    expect(parseReportParams("orders", { status: "lost", payment: "cash", from: "2026-02-30", tz: "Mars/Base" })).toMatchObject({
      status: "",
      payment: "",
      from: "",
      tz: "UTC",
    });
  });

  it("names files by kind and UTC minute", () => {
    expect(reportFileName("users", new Date(Date.UTC(2026, 10, 4, 9, 5, 59)))).toBe("users-20261104-0905.csv");
  });
});
