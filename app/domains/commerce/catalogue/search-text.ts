// Product.searchText: what the storefront's full-text index reads besides the title (weight B).
// Title excluded (it has its own weight A); description as plain text, SKUs, option values, categories.
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

export function buildSearchText(input: {
  descriptionHtml: string;
  skus: string[];
  optionValues: string[];
  categoryNames: string[];
}): string {
  const unique = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  return [htmlToText(input.descriptionHtml), ...unique(input.skus), ...unique(input.optionValues), ...unique(input.categoryNames)]
    .filter(Boolean)
    .join(" ")
    .slice(0, 20_000);
}
