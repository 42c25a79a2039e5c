// Re-run the page's loaders every few seconds while `active` (something is still being prepared)
// and the tab is visible. Without JavaScript the page offers a Refresh link instead.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

export function useRevalidateWhile(active: boolean, intervalMs = 2000) {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && latest.current.state === "idle") latest.current.revalidate();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
}
