import { describe, expect, it } from "vitest";
import { changedFields, diffLines } from "./audit-diff";
import { dayRangeToUtc, parseAuditQuery, startOfDayInZone } from "./audit-query";

describe("audit query", () => {
  it("reads filters and drops malformed ones", () => {
    expect(
      parseAuditQuery(
        new URLSearchParams(
          "actor=Ann@Example.com&action=user.roles.update&entityType=user&from=2025-02-30&to=2025-03-02&page=2",
        ),
      ),
    ).toEqual({
      actor: "ann@example.com",
      action: "user.roles.update",
      entityType: "user",
      from: "",
      to: "2025-03-02",
      page: 2,
    });
    expect(parseAuditQuery(new URLSearchParams("action=%3Cscript%3E")).action).toBe("");
  });

  it("turns the viewer's days into UTC instants", () => {
    expect(startOfDayInZone("2025-03-01", "UTC").toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(startOfDayInZone("2025-03-01", "Europe/Madrid").toISOString()).toBe("2025-02-28T23:00:00.000Z");
    expect(startOfDayInZone("2025-07-01", "America/New_York").toISOString()).toBe("2025-07-01T04:00:00.000Z");
    // the day clocks spring forward in New York
    expect(startOfDayInZone("2025-03-09", "America/New_York").toISOString()).toBe("2025-03-09T05:00:00.000Z");
  });

  it("makes the end day inclusive", () => {
    const range = dayRangeToUtc({ from: "2025-01-31", to: "2025-01-31" }, "UTC");
    expect(range.from?.toISOString()).toBe("2025-01-31T00:00:00.000Z");
    expect(range.to?.toISOString()).toBe("2025-02-01T00:00:00.000Z");
    expect(dayRangeToUtc({ from: "", to: "" }, "UTC")).toEqual({});
  });
});

describe("audit diff", () => {
  it("keeps only changed fields", () => {
    expect(changedFields({ name: "A", email: "a@x", roles: ["user"] }, { name: "B", email: "a@x", roles: ["user"] })).toEqual({
      before: { name: "A" },
      after: { name: "B" },
    });
    expect(changedFields({ roles: ["a"] }, { roles: ["a"] })).toBeNull();
  });

  it("lists readable lines for changed keys", () => {
    expect(diffLines({ roles: ["user"], status: "active" }, { roles: ["admin", "user"], status: "active" })).toEqual([
      { key: "roles", before: "user", after: "admin, user" },
    ]);
    expect(diffLines(null, { revokedSessions: 2 })).toEqual([{ key: "revokedSessions", before: "—", after: "2" }]);
  });
});
