// The /admin/emails list as a query string: text search (recipient or subject), status and
// template filters, and the page. Pure, so the page, the domain function and the tests agree.
import { oneOf, parsePage, textParam } from "../list-query";
import { TEMPLATE_NAMES, type TemplateName } from "./templates/template-props";

export const EMAIL_PAGE_SIZE = 25;
export const EMAIL_STATUSES = ["queued", "sent", "failed"] as const;
/** Templates an admin can filter on: ours, plus "plain" for messages logged before templates existed. */
export const EMAIL_TEMPLATE_FILTERS = [...TEMPLATE_NAMES, "plain"] as const;

export type EmailStatus = (typeof EMAIL_STATUSES)[number];
export type EmailTemplateFilter = TemplateName | "plain";

export type EmailListQuery = {
  q: string;
  status: EmailStatus | "";
  template: EmailTemplateFilter | "";
  page: number;
};

export function parseEmailListQuery(params: URLSearchParams): EmailListQuery {
  return {
    q: textParam(params, "q", 200),
    status: oneOf<EmailStatus | "">(params.get("status"), EMAIL_STATUSES, ""),
    template: oneOf<EmailTemplateFilter | "">(params.get("template"), EMAIL_TEMPLATE_FILTERS, ""),
    page: parsePage(params.get("page")),
  };
}
