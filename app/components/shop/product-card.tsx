// One product in the listing grid: image, title (the link), price and stock badge.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ListingItem } from "~/domains/commerce/storefront/listing.server";
import { Price } from "./price";
import { ProductImage } from "./product-image";

export function ProductCard({ item, currency, eager }: { item: ListingItem; currency: string; eager: boolean }) {
  const { t } = useTranslation("shop");
  return (
    <li className="flex flex-col overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="product-card">
      <div className="aspect-square bg-slate-100">
        {item.image ? (
          <ProductImage
            image={item.image}
            preferred={320}
            sizes="(min-width: 1024px) 16rem, (min-width: 640px) 45vw, 90vw"
            eager={eager}
            className="h-full w-full object-cover"
          />
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h3 className="font-medium">
          <Link to={`/shop/${item.slug}`} className="hover:underline">
            {item.title}
          </Link>
        </h3>
        <Price
          amount={item.minPrice}
          compareAt={item.compareAtPrice}
          currency={currency}
          from={item.priceVaries}
          className="text-sm"
        />
        {item.inStock ? null : <p className="text-sm font-medium text-red-800">{t("stock.outOfStock")}</p>}
      </div>
    </li>
  );
}
