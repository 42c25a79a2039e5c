// The signed-in person's own profile: what they see on /account and what they may change there
// (name, time zone, language). E-mail and password have their own modules and checks.
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { emitUserEvent } from "~/domains/platform/webhooks/user-events.server";
import { prisma } from "~/infra/db.server";
import { isLanguage } from "~/infra/i18n";
import { isValidTimeZone, listTimeZones } from "~/utils/dates";

export async function getProfile({ userId }: { userId: string }) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      timeZone: true,
      locale: true,
      emailVerifiedAt: true,
      createdAt: true,
      roles: { select: { role: { select: { name: true } } } },
    },
  });
  if (!user) return null;
  const { roles, ...rest } = user;
  return { ...rest, roles: roles.map(({ role }) => role.name).sort() };
}

/** Every IANA zone the runtime knows, with UTC first (Intl does not always list it). */
export function listProfileTimeZones(): string[] {
  const zones = listTimeZones().filter((zone) => zone !== "UTC");
  return ["UTC", ...zones];
}

export type ProfileChanges = { name: string; timeZone: string; locale: string };

export async function updateProfile({
  userId,
  changes,
  ipAddress,
}: {
  userId: string;
  changes: ProfileChanges;
  ipAddress?: string;
}) {
  if (!isValidTimeZone(changes.timeZone)) throw new DomainError("invalid_time_zone", "Unknown time zone");
  if (!isLanguage(changes.locale)) throw new DomainError("invalid_locale", "Unsupported language");
  const name = changes.name.trim();
  const before = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, timeZone: true, locale: true },
  });
  const after = { name, timeZone: changes.timeZone, locale: changes.locale };
  if (before.name === after.name && before.timeZone === after.timeZone && before.locale === after.locale) return after;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: after, select: { id: true } });
    await recordAudit(
      { actorId: userId, action: "user.profile_updated", entityType: "user", entityId: userId, before, after, ipAddress },
      tx,
    );
    await emitUserEvent(tx, "user.updated", userId);
  });
  return after;
}
