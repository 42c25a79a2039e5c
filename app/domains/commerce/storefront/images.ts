// Image renditions are public, immutable WebP files at /media/products/<imageId>/<width>.webp
// (served by the media route). Pages pick one by width with srcset/sizes.
export type ImageRef = { id: string; alt: string; width: number; height: number; widths: number[] };

export function renditionUrl(imageId: string, width: number): string {
  return `/media/products/${encodeURIComponent(imageId)}/${width}.webp`;
}

/** `src` (the rendition closest to `preferred`) and `srcSet` listing every stored width. */
export function imageSources(image: Pick<ImageRef, "id" | "widths">, preferred: number) {
  const widths = [...image.widths].sort((a, b) => a - b);
  if (widths.length === 0) return null;
  const src = widths.find((w) => w >= preferred) ?? widths[widths.length - 1]!;
  return {
    src: renditionUrl(image.id, src),
    srcSet: widths.map((w) => `${renditionUrl(image.id, w)} ${w}w`).join(", "),
  };
}
