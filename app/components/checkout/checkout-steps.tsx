// The three checkout steps as a list of links; the current one is marked with aria-current.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { cn } from "~/utils/cn";

const STEPS = [
  { key: "contact", to: "/checkout" },
  { key: "shipping", to: "/checkout/shipping" },
  { key: "review", to: "/checkout/review" },
] as const;

export type CheckoutStep = (typeof STEPS)[number]["key"];

export function CheckoutSteps({ current, skipShipping = false }: { current: CheckoutStep; skipShipping?: boolean }) {
  const { t } = useTranslation("checkout");
  const steps = STEPS.filter((step) => !(skipShipping && step.key === "shipping"));
  const currentIndex = steps.findIndex((step) => step.key === current);
  return (
    <nav aria-label={t("steps.label")}>
      <ol className="flex flex-wrap gap-2 text-sm">
        {steps.map((step, index) => {
          const label = `${index + 1}. ${t(`steps.${step.key}`)}`;
          const isCurrent = step.key === current;
          return (
            <li key={step.key}>
              {index < currentIndex ? (
                <Link to={step.to} className="rounded-md px-2 py-1 text-brand-700 underline hover:text-brand-800">
                  {label}
                </Link>
              ) : (
                <span
                  aria-current={isCurrent ? "step" : undefined}
                  className={cn("rounded-md px-2 py-1", isCurrent ? "bg-brand-700 font-semibold text-white" : "text-slate-600")}
                >
                  {label}
                  {isCurrent ? <span className="sr-only"> ({t("steps.current")})</span> : null}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
