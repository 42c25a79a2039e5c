// A digital download: the grant is counted with ONE conditional UPDATE (count below the limit, not
// expired, the order still paid), so parallel clicks can never download more times than allowed.
// Refusals say why: unknown/bad key, used up, expired, order no longer paid.
import { DomainError } from "~/domains/errors";
import { prisma } from "~/infra/db.server";
import { verifyDownloadKey } from "./order-links.server";

export type DownloadFile = { fileName: string; contentType: string; byteSize: number; sha256: string; data: Uint8Array };

const PAID = ["paid", "fulfilled", "delivered", "partially_refunded"] as const;

/** Throws `not_found`, `download_limit`, `download_expired`, `order_not_paid`, `file_missing`. */
export async function consumeDownloadGrant({
  grantId,
  key,
  now = new Date(),
}: {
  grantId: string;
  key: string | null;
  now?: Date;
}): Promise<DownloadFile> {
  if (!verifyDownloadKey(grantId, key)) throw new DomainError("not_found", "No such download.");
  return prisma.$transaction(async (tx) => {
    const counted = await tx.$executeRaw`
      UPDATE "DownloadGrant" AS g SET "downloadCount" = g."downloadCount" + 1, "lastUsedAt" = ${now}
      FROM "OrderItem" AS i, "Order" AS o
      WHERE g."id" = ${grantId} AND i."id" = g."orderItemId" AND o."id" = i."orderId"
        AND g."downloadCount" < g."maxDownloads" AND g."expiresAt" > ${now}
        AND o."status"::text = ANY(${[...PAID]})`;
    const grant = await tx.downloadGrant.findUnique({
      where: { id: grantId },
      include: { orderItem: { select: { productId: true, order: { select: { status: true } } } } },
    });
    if (!grant) throw new DomainError("not_found", "No such download.");
    if (counted !== 1) {
      if (!(PAID as readonly string[]).includes(grant.orderItem.order.status)) {
        throw new DomainError("order_not_paid", "This order is not paid.");
      }
      if (grant.expiresAt.getTime() <= now.getTime())
        throw new DomainError("download_expired", "This download link has expired.");
      throw new DomainError("download_limit", "This file was downloaded as many times as allowed.");
    }
    const asset = grant.orderItem.productId
      ? await tx.digitalAsset.findUnique({ where: { productId: grant.orderItem.productId } })
      : null;
    if (!asset) throw new DomainError("file_missing", "The file of this product is not available.");
    return {
      fileName: asset.fileName,
      contentType: asset.contentType,
      byteSize: asset.byteSize,
      sha256: asset.sha256,
      data: asset.data,
    };
  });
}

/** The order a grant belongs to (for sending a refused download back to its order page). */
export async function downloadRefusalOrder(grantId: string): Promise<{ id: string; number: string } | null> {
  const grant = await prisma.downloadGrant.findUnique({
    where: { id: grantId },
    select: { orderItem: { select: { order: { select: { id: true, number: true } } } } },
  });
  return grant?.orderItem.order ?? null;
}
