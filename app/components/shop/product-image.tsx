// A product image from its WebP renditions: srcset lists every stored width, sizes tells the
// browser how wide it will be shown; width/height keep the layout from jumping.
import { imageSources, type ImageRef } from "~/domains/commerce/storefront/images";

export function ProductImage({
  image,
  sizes,
  preferred,
  className,
  eager = false,
}: {
  image: ImageRef;
  sizes: string;
  preferred: number;
  className?: string;
  eager?: boolean;
}) {
  const sources = imageSources(image, preferred);
  if (!sources) return null;
  return (
    <img
      src={sources.src}
      srcSet={sources.srcSet}
      sizes={sizes}
      alt={image.alt}
      width={image.width || undefined}
      height={image.height || undefined}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      className={className}
    />
  );
}
