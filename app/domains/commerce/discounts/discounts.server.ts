// Discount codes as the admin manages them. Codes are stored upper-case and unique; a code's usage
// limit can never be set below the uses it already has (a conditional UPDATE, so a checkout
// claiming the code at the same moment cannot slip under it); a code that has been used is
// switched off rather than deleted, so its redemptions keep counting for per-customer limits.
import { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { setActiveFlag, type CommerceActor } from "../active-flag.server";
import { clampPage } from "~/domains/platform/list-query";
import { prisma, type Tx } from "~/infra/db.server";
import type { DiscountStatusFilter } from "./discount-filters";
import type { DiscountFormValue } from "./discount-form";

type Actor = CommerceActor;

export { DISCOUNT_STATUSES, type DiscountStatusFilter } from "./discount-filters";

export type DiscountListQuery = { q: string; status: DiscountStatusFilter; page: number };

export const DISCOUNT_PAGE_SIZE = 25;

function statusWhere(status: DiscountStatusFilter, now: Date): Prisma.DiscountWhereInput {
  switch (status) {
    case "active":
      return {
        isActive: true,
        OR: [{ startsAt: null }, { startsAt: { lte: now } }],
        AND: [{ OR: [{ endsAt: null }, { endsAt: { gt: now } }] }],
      };
    case "scheduled":
      return { isActive: true, startsAt: { gt: now } };
    case "expired":
      return { endsAt: { lte: now } };
    case "inactive":
      return { isActive: false };
    default:
      return {};
  }
}

export async function listDiscounts({ q, status, page: requested }: DiscountListQuery, now = new Date()) {
  const where: Prisma.DiscountWhereInput = {
    ...statusWhere(status, now),
    ...(q ? { code: { contains: q.replace(/\s+/g, "").toUpperCase() } } : {}),
  };
  const total = await prisma.discount.count({ where });
  const page = clampPage(requested, total, DISCOUNT_PAGE_SIZE);
  const items = await prisma.discount.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * DISCOUNT_PAGE_SIZE,
    take: DISCOUNT_PAGE_SIZE,
    select: {
      id: true,
      code: true,
      kind: true,
      value: true,
      startsAt: true,
      endsAt: true,
      usageLimit: true,
      usedCount: true,
      isActive: true,
    },
  });
  return { items, total, page, pageSize: DISCOUNT_PAGE_SIZE };
}

export async function getDiscount(discountId: string) {
  const discount = await prisma.discount.findUnique({
    where: { id: discountId },
    include: {
      redemptions: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 50,
        select: { id: true, customerKey: true, createdAt: true, order: { select: { id: true, number: true } } },
      },
      _count: { select: { redemptions: true } },
    },
  });
  if (!discount) return null;
  const [products, categories] = await Promise.all([
    discount.productIds.length
      ? prisma.product.findMany({ where: { id: { in: discount.productIds } }, select: { id: true, slug: true, title: true } })
      : [],
    discount.categoryIds.length
      ? prisma.category.findMany({ where: { id: { in: discount.categoryIds } }, select: { id: true, name: true } })
      : [],
  ]);
  return { ...discount, products, categories };
}

/** Every category, for the restriction checkboxes. */
export async function listCategoryChoices() {
  return prisma.category.findMany({ orderBy: [{ name: "asc" }], select: { id: true, name: true } });
}

async function resolveRestrictions(tx: Tx, input: DiscountFormValue) {
  const products = input.productSlugs.length
    ? await tx.product.findMany({ where: { slug: { in: input.productSlugs } }, select: { id: true, slug: true } })
    : [];
  const unknown = input.productSlugs.filter((slug) => !products.some((p) => p.slug === slug));
  if (unknown.length) throw new DomainError("unknown_products", `Unknown products: ${unknown.join(", ")}`, { slugs: unknown });
  const categories = input.categoryIds.length
    ? await tx.category.findMany({ where: { id: { in: input.categoryIds } }, select: { id: true } })
    : [];
  if (categories.length !== input.categoryIds.length) throw new DomainError("unknown_categories", "Unknown category.");
  return { productIds: products.map((p) => p.id), categoryIds: categories.map((c) => c.id) };
}

function toData(input: DiscountFormValue, restrictions: { productIds: string[]; categoryIds: string[] }) {
  return {
    code: input.code,
    kind: input.kind,
    value: input.value,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    minSubtotal: input.minSubtotal,
    usageLimit: input.usageLimit,
    perCustomerLimit: input.perCustomerLimit,
    isActive: input.isActive,
    ...restrictions,
  };
}

function codeTaken(error: unknown): DomainError | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return new DomainError("code_taken", "Another discount already has this code.");
  }
  return null;
}

export async function createDiscount(input: DiscountFormValue, actor: Actor) {
  try {
    return await prisma.$transaction(async (tx) => {
      const data = toData(input, await resolveRestrictions(tx, input));
      const discount = await tx.discount.create({ data, select: { id: true, code: true } });
      await recordAudit(
        {
          actorId: actor.actorId,
          ipAddress: actor.ipAddress ?? null,
          action: "discount.create",
          entityType: "Discount",
          entityId: discount.id,
          after: data,
        },
        tx,
      );
      return discount;
    });
  } catch (error) {
    throw codeTaken(error) ?? error;
  }
}

export async function updateDiscount(discountId: string, input: DiscountFormValue, actor: Actor) {
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.discount.findUnique({ where: { id: discountId } });
      if (!before) throw new DomainError("not_found", "No such discount.");
      const data = toData(input, await resolveRestrictions(tx, input));
      const limit = data.usageLimit;
      const { count } = await tx.discount.updateMany({
        where: { id: discountId, ...(limit === null ? {} : { usedCount: { lte: limit } }) },
        data,
      });
      if (count === 0) {
        const current = await tx.discount.findUniqueOrThrow({ where: { id: discountId }, select: { usedCount: true } });
        throw new DomainError("limit_below_uses", "The usage limit cannot be lower than the uses so far.", {
          used: current.usedCount,
        });
      }
      const { id: _id, createdAt: _c, updatedAt: _u, ...previous } = before;
      await recordAudit(
        {
          actorId: actor.actorId,
          ipAddress: actor.ipAddress ?? null,
          action: "discount.update",
          entityType: "Discount",
          entityId: discountId,
          before: previous,
          after: data,
        },
        tx,
      );
    });
  } catch (error) {
    throw codeTaken(error) ?? error;
  }
}

export async function setDiscountActive(discountId: string, isActive: boolean, actor: Actor) {
  await setActiveFlag("Discount", discountId, isActive, actor);
}

/** Only a code never used can be deleted; a used one is switched off instead. */
export async function deleteDiscount(discountId: string, actor: Actor) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.discount.findUnique({
      where: { id: discountId },
      include: { _count: { select: { redemptions: true } } },
    });
    if (!before) throw new DomainError("not_found", "No such discount.");
    const { count } = await tx.discount.deleteMany({ where: { id: discountId, usedCount: 0, redemptions: { none: {} } } });
    if (count === 0) throw new DomainError("discount_in_use", "A code that has been used cannot be deleted.");
    const { _count, ...row } = before;
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress ?? null,
        action: "discount.delete",
        entityType: "Discount",
        entityId: discountId,
        before: row,
      },
      tx,
    );
  });
}
