// The private file of a digital product (one per product, replaced on upload). Stored in
// PostgreSQL; no public route reads it: only the signed, counted download route (checkout domain).
import { createHash } from "node:crypto";
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma } from "~/infra/db.server";
import { invalidateCatalogue, type CatalogueActor } from "./catalogue-cache.server";

export const MAX_DIGITAL_BYTES = 50 * 1024 * 1024;

// Control characters, quotes and reserved characters, plus the bidirectional overrides that can
// disguise an extension ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf").
const UNSAFE_NAME_CHAR = /[\p{Cc}"<>|:*?\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/** A safe download name: no path, no control characters or quotes, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // Counted in code points, so the cut never splits an emoji into a lone surrogate (which would
  // make encodeURIComponent, and so the download's Content-Disposition, throw).
  const chars = [...base].filter((ch) => !UNSAFE_NAME_CHAR.test(ch));
  const cleaned = chars.slice(-200).join("").trim();
  return cleaned || "download";
}

export async function uploadDigitalAsset(
  input: { productId: string; fileName: string; contentType: string; bytes: Buffer },
  actor: CatalogueActor,
): Promise<{ id: string; sha256: string }> {
  if (input.bytes.byteLength === 0) throw new DomainError("file_empty", "The file is empty");
  if (input.bytes.byteLength > MAX_DIGITAL_BYTES) throw new DomainError("file_too_large", "The file is larger than 50 MB");
  const product = await prisma.product.findUnique({ where: { id: input.productId }, select: { kind: true } });
  if (!product) throw new DomainError("not_found", "This product does not exist", { entity: "product" });
  if (product.kind !== "digital") throw new DomainError("not_digital", "Only a digital product has a file");
  const fileName = cleanFileName(input.fileName);
  const contentType = /^[\w.+-]+\/[\w.+-]+$/.test(input.contentType) ? input.contentType : "application/octet-stream";
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  // A view of the upload's bytes, not a copy: a 50 MB file is held in memory once.
  const bytes = new Uint8Array(input.bytes.buffer as ArrayBuffer, input.bytes.byteOffset, input.bytes.byteLength);
  const data = { fileName, contentType, byteSize: input.bytes.byteLength, sha256, data: bytes };
  const id = await prisma.$transaction(async (tx) => {
    const previous = await tx.digitalAsset.findUnique({
      where: { productId: input.productId },
      select: { fileName: true, sha256: true },
    });
    const asset = await tx.digitalAsset.upsert({
      where: { productId: input.productId },
      create: { productId: input.productId, ...data },
      update: { ...data, createdAt: new Date() },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "product.file.upload",
        entityType: "product",
        entityId: input.productId,
        before: previous ?? undefined,
        after: { fileName, byteSize: data.byteSize, sha256 },
      },
      tx,
    );
    return asset.id;
  });
  await invalidateCatalogue([input.productId]);
  return { id, sha256 };
}

export async function removeDigitalAsset(productId: string, actor: CatalogueActor): Promise<{ changed: boolean }> {
  const changed = await prisma.$transaction(async (tx) => {
    const previous = await tx.digitalAsset.findUnique({ where: { productId }, select: { fileName: true, sha256: true } });
    if (!previous) return false;
    await tx.digitalAsset.delete({ where: { productId } });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "product.file.remove",
        entityType: "product",
        entityId: productId,
        before: previous,
      },
      tx,
    );
    return true;
  });
  if (changed) await invalidateCatalogue([productId]);
  return { changed };
}

/** What the admin sees of the file (never the bytes). */
export async function digitalAssetInfo(productId: string) {
  return prisma.digitalAsset.findUnique({
    where: { productId },
    select: { fileName: true, contentType: true, byteSize: true, sha256: true, createdAt: true },
  });
}
