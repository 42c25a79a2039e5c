// A two-column description list of labelled amounts (label left, amount right), the strong rows in
// bold: the shape of the cart summary and of the checkout/order totals.
import { cn } from "~/utils/cn";

export type AmountRow = { key: string; label: string; value: string; strong?: boolean; testId?: string };

export function AmountRows({ rows }: { rows: AmountRow[] }) {
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm">
      {rows.map((row) => (
        <div key={row.key} className="contents">
          <dt className={cn(row.strong && "font-semibold")}>{row.label}</dt>
          <dd className={cn("text-right", row.strong && "font-semibold")} data-testid={row.testId}>
            {row.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
