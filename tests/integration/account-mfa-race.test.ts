// Starting MFA enrolment never replaces a confirmed device, even when requests race.
import { beforeEach, describe, expect, it } from "vitest";
import { isDomainError } from "~/domains/errors";
import { startMfaEnrolment } from "~/domains/identity/mfa-enrolment.server";
import { prisma } from "~/infra/db.server";
import { createUser } from "../factories/users";
import { resetDatabase } from "../setup/reset";

describe("MFA enrolment under concurrency", () => {
  beforeEach(resetDatabase);

  it("parallel starts leave exactly one unconfirmed device", async () => {
    const user = await createUser();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => startMfaEnrolment({ userId: user.id })));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await prisma.totpDevice.count({ where: { userId: user.id, confirmedAt: null } })).toBe(1);
  });

  it("refuses to restart once the device is confirmed, and keeps its secret", async () => {
    const user = await createUser();
    await startMfaEnrolment({ userId: user.id });
    const device = await prisma.totpDevice.update({ where: { userId: user.id }, data: { confirmedAt: new Date() } });
    const results = await Promise.allSettled([startMfaEnrolment({ userId: user.id }), startMfaEnrolment({ userId: user.id })]);
    for (const result of results) {
      expect(result.status === "rejected" && isDomainError(result.reason, "mfa_already_enabled")).toBe(true);
    }
    const after = await prisma.totpDevice.findUniqueOrThrow({ where: { userId: user.id } });
    expect(after.secret).toBe(device.secret);
    expect(after.confirmedAt).not.toBeNull();
  });
});
