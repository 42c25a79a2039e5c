// A product's images: upload (renditions stored in PostgreSQL), alt text, order, removal, and which
// image a variant shows. Every write is audited and invalidates the product's storefront pages.
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma } from "~/infra/db.server";
import { invalidateCatalogue, type CatalogueActor } from "./catalogue-cache.server";
import { processProductImage } from "./image-pipeline.server";

export const MAX_IMAGES_PER_PRODUCT = 20;

function cleanAlt(alt: string): string {
  const value = alt.trim();
  if (!value) throw new DomainError("alt_required", "Describe the image for people who cannot see it");
  if (value.length > 250) throw new DomainError("alt_too_long", "Alt text is at most 250 characters");
  return value;
}

export async function addProductImage(
  input: { productId: string; bytes: Buffer; alt: string },
  actor: CatalogueActor,
): Promise<{ id: string }> {
  const alt = cleanAlt(input.alt);
  const exists = await prisma.product.findUnique({ where: { id: input.productId }, select: { id: true } });
  if (!exists) throw new DomainError("not_found", "This product does not exist", { entity: "product" });
  // Resize outside the transaction: it is CPU work, not something to hold a connection for.
  const processed = await processProductImage(input.bytes);
  const id = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Product" WHERE "id" = ${input.productId} FOR UPDATE`;
    const count = await tx.productImage.count({ where: { productId: input.productId } });
    if (count >= MAX_IMAGES_PER_PRODUCT) throw new DomainError("too_many_images", "A product has at most 20 images");
    const last = await tx.productImage.aggregate({ where: { productId: input.productId }, _max: { position: true } });
    const image = await tx.productImage.create({
      data: {
        productId: input.productId,
        alt,
        width: processed.width,
        height: processed.height,
        position: (last._max.position ?? -1) + 1,
        renditions: {
          create: processed.renditions.map((r) => ({
            width: r.width,
            height: r.height,
            contentType: r.contentType,
            byteSize: r.data.byteLength,
            data: new Uint8Array(r.data),
          })),
        },
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "product.image.add",
        entityType: "product",
        entityId: input.productId,
        after: {
          imageId: image.id,
          alt,
          width: processed.width,
          height: processed.height,
          format: processed.format,
          widths: processed.renditions.map((r) => r.width),
        },
      },
      tx,
    );
    return image.id;
  });
  await invalidateCatalogue([input.productId]);
  return { id };
}

async function imageOf(productId: string, imageId: string) {
  const image = await prisma.productImage.findFirst({
    where: { id: imageId, productId },
    select: { id: true, alt: true, position: true },
  });
  if (!image) throw new DomainError("not_found", "This image does not exist", { entity: "image" });
  return image;
}

export async function updateImageAlt(input: { productId: string; imageId: string; alt: string }, actor: CatalogueActor) {
  const alt = cleanAlt(input.alt);
  const image = await imageOf(input.productId, input.imageId);
  if (image.alt === alt) return { changed: false };
  await prisma.$transaction(async (tx) => {
    await tx.productImage.update({ where: { id: image.id }, data: { alt } });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "product.image.alt",
        entityType: "product",
        entityId: input.productId,
        before: { imageId: image.id, alt: image.alt },
        after: { imageId: image.id, alt },
      },
      tx,
    );
  });
  await invalidateCatalogue([input.productId]);
  return { changed: true };
}

/** Move an image one place earlier or later (positions renumbered 0..n-1). */
export async function moveImage(input: { productId: string; imageId: string; direction: "up" | "down" }, actor: CatalogueActor) {
  const changed = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Product" WHERE "id" = ${input.productId} FOR UPDATE`;
    const images = await tx.productImage.findMany({
      where: { productId: input.productId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const index = images.findIndex((i) => i.id === input.imageId);
    if (index < 0) throw new DomainError("not_found", "This image does not exist", { entity: "image" });
    const target = input.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= images.length) return false;
    const order = images.map((i) => i.id);
    [order[index], order[target]] = [order[target]!, order[index]!];
    for (const [position, id] of order.entries()) await tx.productImage.update({ where: { id }, data: { position } });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "product.image.move",
        entityType: "product",
        entityId: input.productId,
        after: { order },
      },
      tx,
    );
    return true;
  });
  if (changed) await invalidateCatalogue([input.productId]);
  return { changed };
}

export async function removeImage(input: { productId: string; imageId: string }, actor: CatalogueActor) {
  const image = await imageOf(input.productId, input.imageId);
  await prisma.$transaction(async (tx) => {
    await tx.productImage.delete({ where: { id: image.id } });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "product.image.remove",
        entityType: "product",
        entityId: input.productId,
        before: { imageId: image.id, alt: image.alt },
      },
      tx,
    );
  });
  await invalidateCatalogue([input.productId]);
}

/** The image a variant shows (null: the product's first image). */
export async function setVariantImage(
  input: { productId: string; variantId: string; imageId: string | null },
  actor: CatalogueActor,
) {
  if (input.imageId) await imageOf(input.productId, input.imageId);
  await prisma.$transaction(async (tx) => {
    const result = await tx.productVariant.updateMany({
      where: { id: input.variantId, productId: input.productId },
      data: { imageId: input.imageId },
    });
    if (result.count === 0) throw new DomainError("not_found", "This variant does not exist", { entity: "variant" });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "product.variant.image",
        entityType: "product",
        entityId: input.productId,
        after: { variantId: input.variantId, imageId: input.imageId },
      },
      tx,
    );
  });
  await invalidateCatalogue([input.productId]);
}

/** One rendition's bytes for the public media route, or null. */
export async function readRendition(imageId: string, width: number) {
  return prisma.productImageRendition.findUnique({
    where: { imageId_width: { imageId, width } },
    select: { contentType: true, byteSize: true, data: true },
  });
}
