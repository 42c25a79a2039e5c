// Switching a discount or a gift card on or off: one conditional UPDATE (a second identical click
// changes nothing and writes no audit row), a not_found refusal for an unknown id, an audit row.
import { DomainError } from "~/domains/errors";
import { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma } from "~/infra/db.server";

export type CommerceActor = { actorId: string | null; ipAddress?: string | null };

const SWITCHABLE = {
  Discount: { auditPrefix: "discount", missing: "No such discount." },
  GiftCard: { auditPrefix: "gift_card", missing: "No such gift card." },
} as const;

export async function setActiveFlag(
  entityType: keyof typeof SWITCHABLE,
  id: string,
  isActive: boolean,
  actor: CommerceActor,
): Promise<void> {
  const { auditPrefix, missing } = SWITCHABLE[entityType];
  const table = Prisma.raw(`"${entityType}"`);
  await prisma.$transaction(async (tx) => {
    const changed = await tx.$executeRaw`
      UPDATE ${table} SET "isActive" = ${isActive}, "updatedAt" = now() WHERE "id" = ${id} AND "isActive" <> ${isActive}`;
    if (changed === 0) {
      const found = await tx.$queryRaw<unknown[]>`SELECT 1 FROM ${table} WHERE "id" = ${id}`;
      if (found.length === 0) throw new DomainError("not_found", missing);
      return;
    }
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress ?? null,
        action: `${auditPrefix}.${isActive ? "activate" : "deactivate"}`,
        entityType,
        entityId: id,
        before: { isActive: !isActive },
        after: { isActive },
      },
      tx,
    );
  });
}
