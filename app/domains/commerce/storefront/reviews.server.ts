// Product reviews: only a signed-in customer with a delivered order containing the product may
// write one, one per customer and product (unique constraint), held for moderation. Moderators
// approve or reject; approved reviews (and their average) appear on the product page, so a
// decision invalidates that product's cache entry after it commits.
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { clampPage } from "~/domains/platform/list-query";
import { Prisma, type ReviewStatus } from "~/generated/prisma/client";
import { getCache } from "~/infra/cache.server";
import { prisma } from "~/infra/db.server";
import { productTag } from "../cache-tags";
import type { ModerationDecision, ReviewStatusFilter } from "./review-form";

/** Orders that count as "delivered" for a review: delivered, or delivered and refunded in part. */
const DELIVERED_STATUSES = ["delivered", "partially_refunded"] as const;

export type ReviewEligibility =
  { kind: "can_review" } | { kind: "already_reviewed"; status: ReviewStatus } | { kind: "not_delivered" };

export async function reviewEligibility(userId: string, productId: string): Promise<ReviewEligibility> {
  const [existing, delivered] = await Promise.all([
    prisma.productReview.findUnique({ where: { productId_userId: { productId, userId } }, select: { status: true } }),
    hasDeliveredOrder(userId, productId),
  ]);
  if (existing) return { kind: "already_reviewed", status: existing.status };
  return delivered ? { kind: "can_review" } : { kind: "not_delivered" };
}

async function hasDeliveredOrder(userId: string, productId: string, db: Prisma.TransactionClient | typeof prisma = prisma) {
  const order = await db.order.findFirst({
    where: { userId, status: { in: [...DELIVERED_STATUSES] }, deliveredAt: { not: null }, items: { some: { productId } } },
    select: { id: true },
  });
  return order !== null;
}

export type ReviewInput = {
  userId: string;
  productId: string;
  rating: number;
  title: string;
  body: string;
  ipAddress?: string | null;
};

/** Throws DomainError `review_not_allowed` (no delivered order) or `review_exists` (one per customer). */
export async function submitReview(input: ReviewInput): Promise<{ id: string }> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (!(await hasDeliveredOrder(input.userId, input.productId, tx))) {
        throw new DomainError("review_not_allowed", "Only customers who received this product can review it.");
      }
      const review = await tx.productReview.create({
        data: { productId: input.productId, userId: input.userId, rating: input.rating, title: input.title, body: input.body },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: input.userId,
          action: "review.submit",
          entityType: "ProductReview",
          entityId: review.id,
          after: { productId: input.productId, rating: input.rating, status: "pending" },
          ipAddress: input.ipAddress ?? null,
        },
        tx,
      );
      return review;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("review_exists", "You have already reviewed this product.");
    }
    throw error;
  }
}

/**
 * Approve or reject a review (a decision may be changed later). Conditional update: a review
 * already in that state is left alone and `changed` is false. Throws `not_found`.
 */
export async function moderateReview(input: {
  reviewId: string;
  decision: ModerationDecision;
  actorId: string;
  ipAddress?: string | null;
}): Promise<{ changed: boolean; productId: string }> {
  const result = await prisma.$transaction(async (tx) => {
    const review = await tx.productReview.findUnique({
      where: { id: input.reviewId },
      select: { productId: true, status: true },
    });
    if (!review) throw new DomainError("not_found", "This review does not exist.");
    const updated = await tx.productReview.updateMany({
      where: { id: input.reviewId, status: { not: input.decision } },
      data: { status: input.decision, moderatedById: input.actorId, moderatedAt: new Date() },
    });
    if (updated.count === 0) return { changed: false, productId: review.productId };
    await recordAudit(
      {
        actorId: input.actorId,
        action: `review.${input.decision === "approved" ? "approve" : "reject"}`,
        entityType: "ProductReview",
        entityId: input.reviewId,
        before: { status: review.status },
        after: { status: input.decision },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { changed: true, productId: review.productId };
  });
  if (result.changed) await getCache().invalidateTags([productTag(result.productId)]);
  return result;
}

export const MODERATION_PAGE_SIZE = 25;

export async function listReviewsForModeration({ status, page }: { status: ReviewStatusFilter; page: number }) {
  const where = { status };
  const total = await prisma.productReview.count({ where });
  const current = clampPage(page, total, MODERATION_PAGE_SIZE);
  const items = await prisma.productReview.findMany({
    where,
    orderBy: [{ createdAt: status === "pending" ? "asc" : "desc" }, { id: "asc" }],
    skip: (current - 1) * MODERATION_PAGE_SIZE,
    take: MODERATION_PAGE_SIZE,
    select: {
      id: true,
      rating: true,
      title: true,
      body: true,
      status: true,
      createdAt: true,
      moderatedAt: true,
      product: { select: { title: true, slug: true } },
      user: { select: { name: true, email: true } },
      moderatedBy: { select: { name: true } },
    },
  });
  return { items, total, page: current, pageSize: MODERATION_PAGE_SIZE };
}

export function countPendingReviews(): Promise<number> {
  return prisma.productReview.count({ where: { status: "pending" } });
}

export async function listCustomerReviews(userId: string) {
  return prisma.productReview.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      rating: true,
      title: true,
      body: true,
      status: true,
      createdAt: true,
      product: { select: { title: true, slug: true, status: true } },
    },
  });
}
