// /admin/shop/reviews — review moderation: pending reviews first (oldest waiting first), or the
// approved/rejected ones, with approve/reject buttons (plain forms). Needs moderate:review:any in
// the loader and the action; each decision is audited and refreshes the product page's cache.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { PageHeader } from "~/components/admin/page-header";
import { Stars } from "~/components/shop/stars";
import { SubmitButton } from "~/components/ui/button";
import { Pagination } from "~/components/ui/pagination";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { ModerationSchema, REVIEW_STATUS_FILTERS } from "~/domains/commerce/storefront/review-form";
import { listReviewsForModeration, moderateReview } from "~/domains/commerce/storefront/reviews.server";
import { isDomainError } from "~/domains/errors";
import { requirePermission } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { oneOf, parsePage, toSearch } from "~/domains/platform/list-query";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";
import { cn } from "~/utils/cn";
import { formatDateTime } from "~/utils/dates";

export const handle = { i18n: ["admin", "shop"], breadcrumb: "admin:nav.reviews" };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: `${loaderData?.title ?? ""} · Verso` }];

const PATH = "/admin/shop/reviews";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.moderateReviewAny);
  const params = new URL(request.url).searchParams;
  const query = { status: oneOf(params.get("status"), REVIEW_STATUS_FILTERS, "pending"), page: parsePage(params.get("page")) };
  const [t, locale, list] = await Promise.all([
    i18n.getFixedT(request, "shop"),
    i18n.getLocale(request),
    listReviewsForModeration(query),
  ]);
  const format = (date: Date) => formatDateTime(date, { locale, timeZone: viewer.timeZone });
  return data(
    {
      title: t("moderation.title"),
      query: { ...query, page: list.page },
      total: list.total,
      pageSize: list.pageSize,
      reviews: list.items.map((review) => ({
        id: review.id,
        rating: review.rating,
        title: review.title,
        body: review.body,
        status: review.status,
        createdAtIso: review.createdAt.toISOString(),
        createdAt: format(review.createdAt),
        moderatedAt: review.moderatedAt ? format(review.moderatedAt) : null,
        moderatedBy: review.moderatedBy?.name ?? null,
        product: review.product,
        author: review.user,
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.moderateReviewAny);
  const formData = await parseFormWithCsrf(request);
  const t = await i18n.getFixedT(request, "shop");
  const parsed = ModerationSchema.safeParse({ reviewId: formData.get("reviewId"), decision: formData.get("decision") });
  const back = `${PATH}${toSearch({ status: String(formData.get("status") ?? ""), page: String(formData.get("page") ?? "") })}`;
  if (!parsed.success) return redirectWithToast(request, back, { kind: "error", message: t("moderation.invalid") });
  try {
    const result = await moderateReview({ ...parsed.data, actorId: user.id, ipAddress: context.clientIp });
    const message = result.changed ? t(`moderation.done.${parsed.data.decision}`) : t("moderation.unchanged");
    return redirectWithToast(request, back, { kind: result.changed ? "success" : "info", message });
  } catch (error) {
    if (isDomainError(error, "not_found"))
      return redirectWithToast(request, back, { kind: "error", message: t("moderation.notFound") });
    throw error;
  }
}

export default function ReviewModeration() {
  const { query, total, pageSize, reviews } = useLoaderData<typeof loader>();
  const { t } = useTranslation("shop");
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("moderation.title")}
        lead={t("moderation.lead", { count: total, status: t(`moderation.status.${query.status}`) })}
      />
      <nav aria-label={t("moderation.filterLabel")} className="flex flex-wrap gap-2 text-sm">
        {REVIEW_STATUS_FILTERS.map((status) => (
          <Link
            key={status}
            to={`${PATH}?status=${status}`}
            aria-current={status === query.status ? "page" : undefined}
            className={cn(
              "rounded-full border px-3 py-1",
              status === query.status
                ? "border-brand-700 bg-brand-700 text-white"
                : "border-slate-300 bg-white hover:bg-slate-100",
            )}
          >
            {t(`moderation.status.${status}`)}
          </Link>
        ))}
      </nav>
      <Table
        caption={t("moderation.caption", { status: t(`moderation.status.${query.status}`) })}
        columns={[
          { key: "review", label: t("moderation.review") },
          { key: "product", label: t("moderation.product") },
          { key: "author", label: t("moderation.author") },
          { key: "submitted", label: t("moderation.submitted") },
          { key: "actions", label: t("moderation.actions") },
        ]}
        empty={reviews.length === 0 ? t("moderation.empty") : undefined}
      >
        {reviews.map((review) => (
          <tr key={review.id} data-testid="review-row">
            <RowHeader>
              <span className="block font-semibold">{review.title}</span>
              <Stars rating={review.rating} />
              <span className="mt-1 block max-w-prose whitespace-pre-line font-normal">{review.body}</span>
            </RowHeader>
            <Td>
              <Link to={`/shop/${review.product.slug}`} className="text-brand-700 underline">
                {review.product.title}
              </Link>
            </Td>
            <Td>
              {review.author.name}
              <span className="block text-slate-600">{review.author.email}</span>
            </Td>
            <Td>
              <time dateTime={review.createdAtIso}>{review.createdAt}</time>
              {review.moderatedAt ? (
                <span className="block text-slate-600">
                  {t("moderation.decidedBy", { name: review.moderatedBy ?? "—", date: review.moderatedAt })}
                </span>
              ) : null}
            </Td>
            <Td>
              <div className="flex flex-wrap gap-2">
                {(["approved", "rejected"] as const)
                  .filter((decision) => decision !== review.status)
                  .map((decision) => (
                    <Form method="post" key={decision}>
                      <AuthenticityTokenInput />
                      <input type="hidden" name="reviewId" value={review.id} />
                      <input type="hidden" name="status" value={query.status} />
                      <input type="hidden" name="page" value={query.page} />
                      <SubmitButton
                        name="decision"
                        value={decision}
                        variant={decision === "approved" ? "primary" : "danger"}
                        aria-label={t(`moderation.${decision === "approved" ? "approveLabel" : "rejectLabel"}`, {
                          title: review.title,
                        })}
                      >
                        {t(`moderation.${decision === "approved" ? "approve" : "reject"}`)}
                      </SubmitButton>
                    </Form>
                  ))}
              </div>
            </Td>
          </tr>
        ))}
      </Table>
      <Pagination page={query.page} pageSize={pageSize} total={total} />
    </div>
  );
}
