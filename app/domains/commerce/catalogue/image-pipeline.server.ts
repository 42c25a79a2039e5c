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

/**
 * The format the first bytes announce, or null. Checked before sharp sees the bytes, so libvips'
 * other loaders (SVG, PDF, TIFF, ImageMagick…) never parse an upload: only these five do.
 */
export function sniffImageFormat(bytes: Buffer): "jpeg" | "png" | "gif" | "webp" | "avif" | null {
  const ascii = (start: number, end: number) => bytes.subarray(start, end).toString("latin1");
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "png";
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return "gif";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (bytes.length >= 16 && ascii(4, 8) === "ftyp") {
    // ISO-BMFF: the major brand, then the compatible brands, up to the end of the ftyp box.
    const end = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
    const brands = [ascii(8, 12)];
    for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(at, at + 4));
    if (brands.includes("avif") || brands.includes("avis")) return "avif";
  }
  return null;
}

function formatOf(metadata: Metadata): string | null {
  if (metadata.format === "heif") return metadata.compression === "av1" ? "avif" : null;
  return metadata.format ?? null;
}

export async function processProductImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.byteLength === 0) throw new DomainError("image_empty", "The file is empty");
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new DomainError("image_too_large", "The image is larger than 10 MB");
  const sniffed = sniffImageFormat(bytes);
  if (!sniffed) throw new DomainError("image_type", "The file is not a JPEG, PNG, WebP, AVIF or GIF image");
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new DomainError("image_type", "The file is not a JPEG, PNG, WebP, AVIF or GIF image");
  }
  const format = formatOf(metadata);
  if (!format || !ACCEPTED.has(format) || format !== sniffed)
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
