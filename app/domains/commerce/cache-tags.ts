// Cache tags of the storefront (see docs/development.md § Caching). Whatever changes what a
// storefront page shows invalidates these after its transaction commits:
//   CATALOGUE_TAG      every listing page (any product, category or collection change)
//   productTag(id)     that product's page (its variants, stock state, images, approved reviews)
export const CATALOGUE_TAG = "catalogue";

export function productTag(productId: string): string {
  return `product:${productId}`;
}
