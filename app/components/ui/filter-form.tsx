// The search/filter bar above an admin list: a GET form (results are a shareable URL and it works
// without JavaScript) with an Apply button and a link that clears every filter.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "./button";

export function FilterForm({
  action,
  label,
  applyLabel,
  clearLabel,
  children,
}: {
  action: string;
  label: string;
  applyLabel: string;
  clearLabel: string;
  children: ReactNode;
}) {
  return (
    <Form
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      {children}
      <div className="flex items-center gap-3">
        <Button>{applyLabel}</Button>
        <Link to={action} className="text-sm text-brand-700 underline">
          {clearLabel}
        </Link>
      </div>
    </Form>
  );
}
