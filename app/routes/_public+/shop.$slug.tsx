// /shop/<slug> — a product: gallery, variant choice (GET form), the chosen variant's price and
// stock state, add to cart (POST /cart), description, JSON-LD, reviews. Everything renders on the
// server from the query string; JavaScript only makes the variant switch instant. Anonymous
// visitors get a shared-cacheable page; a signed-in customer also sees their review state/form.
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AddToCartForm } from "~/components/shop/add-to-cart-form";
import { Price } from "~/components/shop/price";
import { ProductImage } from "~/components/shop/product-image";
import { ReviewsSection, type ViewerReviewState } from "~/components/shop/reviews-section";
import { formatRating } from "~/components/shop/stars";
import { VariantPicker } from "~/components/shop/variant-picker";
import { useNonce } from "~/components/layout/nonce";
import { DEFAULT_MAX_PER_LINE } from "~/domains/commerce/cart-quantity";
import { renditionUrl } from "~/domains/commerce/storefront/images";
import { productJsonLd, serializeJsonLd } from "~/domains/commerce/storefront/json-ld";
import { CATALOGUE_TAG, productTag } from "~/domains/commerce/cache-tags";
import { storefrontCaching } from "~/domains/commerce/storefront/page-cache.server";
import { loadProductPage, type ProductPageData } from "~/domains/commerce/storefront/product-page.server";
import { createReviewSchema } from "~/domains/commerce/storefront/review-form";
import { reviewEligibility, submitReview } from "~/domains/commerce/storefront/reviews.server";
import { sellableQuantity, stockState } from "~/domains/commerce/storefront/stock-state";
import { chooseVariant, optionValueLists } from "~/domains/commerce/storefront/variant-choice";
import { isDomainError } from "~/domains/errors";
import { getOptionalUser, loginRedirectUrl, requireUser } from "~/domains/identity/guards.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { getEnv } from "~/infra/env.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";
import { useRootData } from "~/root";

export const handle = { i18n: ["shop"] };

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) =>
  actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: page }) =>
  page
    ? [
        { title: `${page.product.seoTitle || page.product.title} · Verso` },
        { name: "description", content: page.product.seoDescription || page.product.plainDescription.slice(0, 160) },
        { tagName: "link", rel: "canonical", href: page.canonical },
        { property: "og:title", content: page.product.seoTitle || page.product.title },
        { property: "og:type", content: "product" },
        { property: "og:url", content: page.canonical },
        ...(page.ogImage ? [{ property: "og:image", content: page.ogImage }] : []),
      ]
    : [{ title: "Verso" }];

async function productOr404(request: Request, slug: string | undefined): Promise<ProductPageData> {
  const product = slug ? await loadProductPage(slug) : null;
  if (!product) {
    const t = await i18n.getFixedT(request, "shop");
    throw new Response(t("product.notFound"), { status: 404 });
  }
  return product;
}

function viewerState(eligibility: Awaited<ReturnType<typeof reviewEligibility>> | null): ViewerReviewState {
  if (!eligibility) return "anonymous";
  if (eligibility.kind === "already_reviewed") return eligibility.status;
  return eligibility.kind;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const product = await productOr404(request, params.slug);
  const [user, locale] = await Promise.all([getOptionalUser(request), i18n.getLocale(request)]);
  const eligibility = user ? await reviewEligibility(user.id, product.id) : null;
  const url = new URL(request.url);
  const choice = chooseVariant(product.optionNames, product.variants, url.searchParams);
  if (!choice) {
    const t = await i18n.getFixedT(request, "shop");
    throw new Response(t("product.notFound"), { status: 404 });
  }
  const appUrl = getEnv().APP_URL;
  const canonical = `${appUrl}/shop/${product.slug}`;
  const largest = (widths: number[]) => widths[widths.length - 1] ?? 0;
  const jsonLd = productJsonLd({
    url: canonical,
    title: product.title,
    description: product.seoDescription || product.plainDescription,
    imageUrls: product.images.map((image) => `${appUrl}${renditionUrl(image.id, largest(image.widths))}`),
    currency: product.currency,
    variants: product.variants.map((variant) => ({
      sku: variant.sku,
      title: variant.title,
      price: variant.price,
      inStock: stockState(variant, product.lowStockThreshold).kind !== "out_of_stock",
      url: `${canonical}?variant=${encodeURIComponent(variant.id)}`,
    })),
    rating: product.rating,
  });
  const payload = {
    product,
    canonical,
    ogImage: product.images[0] ? `${appUrl}${renditionUrl(product.images[0].id, largest(product.images[0].widths))}` : null,
    jsonLd: serializeJsonLd(jsonLd),
    variantId: choice.variant.id,
    selected: choice.selected,
    unavailable: choice.unavailable,
    viewer: viewerState(eligibility),
    loginHref: loginRedirectUrl(request) + "#reviews",
  };
  const caching = storefrontCaching(request, payload, {
    locale,
    maxAge: 30,
    sMaxAge: 120,
    personal: user !== null,
    // The page shows its product (stock, reviews) and the catalogue's categories in its breadcrumbs.
    pageTags: [productTag(product.id), CATALOGUE_TAG],
  });
  return data(payload, caching);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await parseFormWithCsrf(request);
  const product = await productOr404(request, params.slug);
  const t = await i18n.getFixedT(request, "shop");
  const submission = parseWithZod(formData, { schema: createReviewSchema(t) });
  const noStore = { "Cache-Control": "private, no-store" };
  if (submission.status !== "success") return data({ lastResult: submission.reply() }, { status: 400, headers: noStore });
  try {
    await submitReview({ userId: user.id, productId: product.id, ...submission.value, ipAddress: context.clientIp });
  } catch (error) {
    if (isDomainError(error, "review_not_allowed") || isDomainError(error, "review_exists")) {
      const message = t(`reviews.errors.${error.code === "review_exists" ? "exists" : "notAllowed"}`);
      return data({ lastResult: submission.reply({ formErrors: [message] }) }, { status: 409, headers: noStore });
    }
    throw error;
  }
  return redirectWithToast(request, `/shop/${product.slug}#reviews`, { kind: "success", message: t("reviews.thanks") });
}

export default function ProductPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n: instance } = useTranslation("shop");
  const nonce = useNonce();
  const root = useRootData();
  const { product } = page;
  const variant = product.variants.find((v) => v.id === page.variantId) ?? product.variants[0]!;
  const state = stockState(variant, product.lowStockThreshold);
  const sellable = sellableQuantity(variant);
  const valueLists = optionValueLists(product.optionNames, product.variants);
  const mainImage = product.images.find((image) => image.id === variant.imageId) ?? product.images[0] ?? null;
  const otherImages = product.images.filter((image) => image.id !== mainImage?.id);
  const refusal = page.unavailable
    ? t("product.unavailable")
    : state.kind === "out_of_stock"
      ? t("product.outOfStockRefusal")
      : null;
  return (
    <article className="space-y-10" aria-labelledby="product-title">
      <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: page.jsonLd }} />
      <nav aria-label={t("product.breadcrumbs")} className="text-sm">
        <ol className="flex flex-wrap gap-2 text-slate-700">
          <li>
            <Link to="/shop" className="underline">
              {t("listing.heading")}
            </Link>
          </li>
          {product.categories.slice(0, 1).map((category) => (
            <li key={category.slug}>
              <span aria-hidden="true">/ </span>
              <Link to={`/shop?category=${category.slug}`} className="underline">
                {category.name}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <div className="grid gap-8 md:grid-cols-2">
        <section aria-label={t("product.gallery")} className="space-y-3">
          {mainImage ? (
            <ProductImage
              image={mainImage}
              preferred={1024}
              sizes="(min-width: 768px) 36rem, 100vw"
              eager
              className="w-full rounded-lg border border-slate-200 bg-white object-contain"
            />
          ) : (
            <div className="aspect-square rounded-lg bg-slate-100" />
          )}
          {otherImages.length > 0 ? (
            <ul className="grid grid-cols-4 gap-2">
              {otherImages.map((image) => (
                <li key={image.id}>
                  <ProductImage
                    image={image}
                    preferred={320}
                    sizes="8rem"
                    className="aspect-square w-full rounded border border-slate-200 object-cover"
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <div className="space-y-5">
          <h1 id="product-title" className="text-3xl font-bold tracking-tight">
            {product.title}
          </h1>
          {product.rating.count > 0 ? (
            <a href="#reviews" className="text-sm text-brand-700 underline">
              {t("reviews.summary", {
                average: formatRating(product.rating.average, instance.language),
                count: product.rating.count,
              })}
            </a>
          ) : null}
          <div aria-live="polite" className="space-y-1">
            {variant.title ? (
              <p className="text-slate-700" data-testid="variant-title">
                {variant.title}
              </p>
            ) : null}
            <Price amount={variant.price} compareAt={variant.compareAtPrice} currency={product.currency} className="text-2xl" />
            <p
              data-testid="stock-state"
              className={
                state.kind === "out_of_stock"
                  ? "font-medium text-red-800"
                  : state.kind === "low_stock"
                    ? "font-medium text-amber-800"
                    : "font-medium text-emerald-800"
              }
            >
              {state.kind === "in_stock"
                ? t("stock.inStock")
                : state.kind === "low_stock"
                  ? t("stock.onlyLeft", { count: state.count })
                  : t("stock.outOfStock")}
            </p>
            {product.kind === "digital" ? <p className="text-sm text-slate-700">{t("product.digital")}</p> : null}
          </div>
          <VariantPicker optionNames={product.optionNames} valueLists={valueLists} selected={page.selected} />
          <AddToCartForm
            variantId={variant.id}
            maxQuantity={Math.max(1, Math.min(DEFAULT_MAX_PER_LINE, sellable ?? DEFAULT_MAX_PER_LINE))}
            refusal={refusal}
          />
          {product.descriptionHtml ? (
            <section aria-labelledby="description-heading" className="space-y-2">
              <h2 id="description-heading" className="text-xl font-semibold">
                {t("product.description")}
              </h2>
              <div className="prose max-w-none" dangerouslySetInnerHTML={{ __html: product.descriptionHtml }} />
            </section>
          ) : null}
        </div>
      </div>
      <ReviewsSection
        rating={product.rating}
        reviews={product.reviews}
        viewer={page.viewer}
        loginHref={page.loginHref}
        lastResult={actionData?.lastResult ?? null}
        locale={instance.language}
        timeZone={root?.timeZone ?? "UTC"}
      />
    </article>
  );
}
