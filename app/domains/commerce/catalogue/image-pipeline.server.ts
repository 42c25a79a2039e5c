// Turning an uploaded image into the storefront's renditions with sharp. The type is decided by the
// bytes (sharp's metadata), never by the file name or the browser's Content-Type. EXIF and every
// other metadata block is dropped (WebP output without withMetadata), after auto-rotating by the
// EXIF orientation so a phone photo stands upright.
import sharp from "sharp";
import { DomainError } from "~/domains/errors";

type Metadata = Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** 40 megapixels: a decompression bomb (a tiny PNG of 50,000 × 50,000) is refused before decoding. */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const RENDITION_WIDTHS = [160, 320, 640, 1024, 1600] as const;
const ACCEPTED = new Set(["jpeg", "png", "webp", "gif", "avif"]);

export type Rendition = { width: number; height: number; contentType: "image/webp"; data: Buffer };
export type ProcessedImage = { width: number; height: number; format: string; renditions: Rendition[] };

/** The widths to render for an image `width` wide: never upscaled; a small image gets its own width. */
export function renditionWidthsFor(width: number): number[] {
  const widths: number[] = RENDITION_WIDTHS.filter((w) => w <= width);
  return widths.length > 0 ? widths : [width];
}

function formatOf(metadata: Metadata): string | null {
  if (metadata.format === "heif") return metadata.compression === "av1" ? "avif" : null;
  return metadata.format ?? null;
}

export async function processProductImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.byteLength === 0) throw new DomainError("image_empty", "The file is empty");
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new DomainError("image_too_large", "The image is larger than 10 MB");
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new DomainError("image_type", "The file is not a JPEG, PNG, WebP, AVIF or GIF image");
  }
  const format = formatOf(metadata);
  if (!format || !ACCEPTED.has(format))
    throw new DomainError("image_type", "The file is not a JPEG, PNG, WebP, AVIF or GIF image");
  const rawWidth = metadata.width ?? 0;
  const rawHeight = metadata.pageHeight ?? metadata.height ?? 0;
  if (rawWidth * rawHeight > MAX_IMAGE_PIXELS) throw new DomainError("image_pixels", "The image has more than 40 megapixels");
  if (rawWidth < 1 || rawHeight < 1) throw new DomainError("image_type", "The file is not a JPEG, PNG, WebP, AVIF or GIF image");
  const rotated = (metadata.orientation ?? 1) >= 5;
  const width = rotated ? rawHeight : rawWidth;
  const height = rotated ? rawWidth : rawHeight;
  try {
    const renditions: Rendition[] = [];
    for (const target of renditionWidthsFor(width)) {
      // First frame only (animated GIF/WebP become a still), upright, no metadata kept.
      const { data, info } = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, pages: 1 })
        .rotate()
        .resize({ width: target, withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true });
      renditions.push({ width: info.width, height: info.height, contentType: "image/webp", data });
    }
    return { width, height, format, renditions };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError("image_type", "The image could not be read");
  }
}
