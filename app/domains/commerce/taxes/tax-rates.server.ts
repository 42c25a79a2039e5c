// Tax rates as the admin manages them: one per country and region (region "" = the whole country;
// the unique index refuses a second one, reported as "tax_rate_exists"). Every change is audited.
import { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma } from "~/infra/db.server";
import type { TaxRateFormValue } from "./tax-form";

type Actor = { actorId: string | null; ipAddress?: string | null };

const select = { id: true, name: true, country: true, region: true, rateBasisPoints: true, shippingTaxable: true } as const;

export async function listTaxRates() {
  return prisma.taxRate.findMany({ orderBy: [{ country: "asc" }, { region: "asc" }], select });
}

export async function getTaxRate(taxRateId: string) {
  return prisma.taxRate.findUnique({ where: { id: taxRateId }, select });
}

function toData(input: TaxRateFormValue) {
  return {
    name: input.name,
    country: input.country,
    region: input.region,
    rateBasisPoints: input.rate,
    shippingTaxable: input.shippingTaxable,
  };
}

function duplicate(error: unknown): DomainError | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return new DomainError("tax_rate_exists", "A rate for this country and region already exists.");
  }
  return null;
}

export async function createTaxRate(input: TaxRateFormValue, actor: Actor) {
  try {
    return await prisma.$transaction(async (tx) => {
      const rate = await tx.taxRate.create({ data: toData(input), select });
      await recordAudit(
        {
          actorId: actor.actorId,
          ipAddress: actor.ipAddress ?? null,
          action: "tax_rate.create",
          entityType: "TaxRate",
          entityId: rate.id,
          after: toData(input),
        },
        tx,
      );
      return rate;
    });
  } catch (error) {
    throw duplicate(error) ?? error;
  }
}

export async function updateTaxRate(taxRateId: string, input: TaxRateFormValue, actor: Actor) {
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.taxRate.findUnique({ where: { id: taxRateId }, select });
      if (!before) throw new DomainError("not_found", "No such tax rate.");
      await tx.taxRate.update({ where: { id: taxRateId }, data: toData(input) });
      await recordAudit(
        {
          actorId: actor.actorId,
          ipAddress: actor.ipAddress ?? null,
          action: "tax_rate.update",
          entityType: "TaxRate",
          entityId: taxRateId,
          before,
          after: toData(input),
        },
        tx,
      );
    });
  } catch (error) {
    throw duplicate(error) ?? error;
  }
}

export async function deleteTaxRate(taxRateId: string, actor: Actor) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.taxRate.findUnique({ where: { id: taxRateId }, select });
    if (!before) throw new DomainError("not_found", "No such tax rate.");
    await tx.taxRate.delete({ where: { id: taxRateId } });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress ?? null,
        action: "tax_rate.delete",
        entityType: "TaxRate",
        entityId: taxRateId,
        before,
      },
      tx,
    );
  });
}
