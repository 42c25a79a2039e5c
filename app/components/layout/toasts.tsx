// Flash messages: a plain status banner in the HTML (works without JavaScript); once hydrated it
// becomes a toast that can be dismissed and fades away by itself.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { cn } from "~/utils/cn";

type Toast = { kind: "success" | "error" | "info"; message: string };

export function Toasts({ toast }: { toast: Toast | null }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState<Toast | null>(toast);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    setVisible(toast);
    if (!toast) return;
    const timer = setTimeout(() => setVisible(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!visible) return null;
  return (
    <div
      role={visible.kind === "error" ? "alert" : "status"}
      data-testid="toast"
      className={cn(
        "fixed right-4 bottom-4 z-50 flex max-w-sm items-start gap-3 rounded-md px-4 py-3 shadow-lg",
        visible.kind === "success" && "bg-emerald-800 text-white",
        visible.kind === "error" && "bg-red-800 text-white",
        visible.kind === "info" && "bg-slate-800 text-white",
      )}
    >
      <p className="text-sm">{visible.message}</p>
      {hydrated ? (
        <button type="button" className="text-sm underline" onClick={() => setVisible(null)}>
          {t("actions.dismiss")}
        </button>
      ) : null}
    </div>
  );
}
