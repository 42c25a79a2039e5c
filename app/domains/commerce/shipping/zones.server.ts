// Shipping zones and their flat-rate methods, as the admin manages them. A country belongs to one
// zone at most (and one zone at most is the rest of the world), so a destination never has two
// answers. Every change is audited.
import type { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma, type Tx } from "~/infra/db.server";
import type { MethodFormValue, ZoneFormValue } from "./shipping-form";

export type Actor = { actorId: string | null; ipAddress?: string | null };

const methodSelect = {
  id: true,
  name: true,
  rate: true,
  freeAbove: true,
  isActive: true,
  position: true,
} as const;

export async function listShippingZones() {
  return prisma.shippingZone.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      countries: true,
      methods: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: methodSelect },
    },
  });
}

export async function getShippingZone(zoneId: string) {
  return prisma.shippingZone.findUnique({
    where: { id: zoneId },
    select: {
      id: true,
      name: true,
      countries: true,
      methods: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: methodSelect },
    },
  });
}

export async function getShippingMethod(methodId: string) {
  return prisma.shippingMethod.findUnique({
    where: { id: methodId },
    select: { ...methodSelect, zone: { select: { id: true, name: true } } },
  });
}

/**
 * Refuses countries another zone already lists. Serialised by a transaction-level advisory lock so
 * two admins saving overlapping zones at once cannot both succeed.
 */
async function assertCountriesFree(tx: Tx, countries: string[], exceptZoneId: string | null) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('shipping-zone-countries'))`;
  const others = await tx.shippingZone.findMany({
    where: { countries: { hasSome: countries }, ...(exceptZoneId ? { id: { not: exceptZoneId } } : {}) },
    select: { name: true, countries: true },
  });
  const taken = others.flatMap((zone) => zone.countries.filter((c) => countries.includes(c)).map((c) => `${c} (${zone.name})`));
  if (taken.length > 0) {
    throw new DomainError("countries_taken", `Already in another zone: ${taken.join(", ")}`, { taken });
  }
}

export async function createShippingZone(input: ZoneFormValue, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    await assertCountriesFree(tx, input.countries, null);
    const zone = await tx.shippingZone.create({ data: { name: input.name, countries: input.countries } });
    await audit(tx, actor, "shipping_zone.create", "ShippingZone", zone.id, null, { ...input });
    return zone;
  });
}

export async function updateShippingZone(zoneId: string, input: ZoneFormValue, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.shippingZone.findUnique({ where: { id: zoneId }, select: { name: true, countries: true } });
    if (!before) throw new DomainError("not_found", "No such shipping zone.");
    await assertCountriesFree(tx, input.countries, zoneId);
    await tx.shippingZone.update({ where: { id: zoneId }, data: { name: input.name, countries: input.countries } });
    await audit(tx, actor, "shipping_zone.update", "ShippingZone", zoneId, before, { ...input });
  });
}

/** Deletes the zone and its methods; open checkouts that chose one of them must choose again. */
export async function deleteShippingZone(zoneId: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.shippingZone.findUnique({
      where: { id: zoneId },
      select: { name: true, countries: true, methods: { select: { name: true, rate: true } } },
    });
    if (!before) throw new DomainError("not_found", "No such shipping zone.");
    await tx.shippingZone.delete({ where: { id: zoneId } });
    await audit(tx, actor, "shipping_zone.delete", "ShippingZone", zoneId, before, null);
  });
}

export async function createShippingMethod(zoneId: string, input: MethodFormValue, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const zone = await tx.shippingZone.findUnique({ where: { id: zoneId }, select: { id: true } });
    if (!zone) throw new DomainError("not_found", "No such shipping zone.");
    const method = await tx.shippingMethod.create({ data: { zoneId, ...input } });
    await audit(tx, actor, "shipping_method.create", "ShippingMethod", method.id, null, { zoneId, ...input });
    return method;
  });
}

export async function updateShippingMethod(methodId: string, input: MethodFormValue, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.shippingMethod.findUnique({ where: { id: methodId }, select: methodSelect });
    if (!before) throw new DomainError("not_found", "No such shipping method.");
    await tx.shippingMethod.update({ where: { id: methodId }, data: input });
    await audit(tx, actor, "shipping_method.update", "ShippingMethod", methodId, before, { ...input });
  });
}

export async function deleteShippingMethod(methodId: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.shippingMethod.findUnique({ where: { id: methodId }, select: { ...methodSelect, zoneId: true } });
    if (!before) throw new DomainError("not_found", "No such shipping method.");
    await tx.shippingMethod.delete({ where: { id: methodId } });
    await audit(tx, actor, "shipping_method.delete", "ShippingMethod", methodId, before, null);
    return { zoneId: before.zoneId };
  });
}

async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string,
  before: Prisma.InputJsonValue | null,
  after: Prisma.InputJsonValue | null,
) {
  await recordAudit(
    { actorId: actor.actorId, ipAddress: actor.ipAddress ?? null, action, entityType, entityId, before, after },
    tx,
  );
}
