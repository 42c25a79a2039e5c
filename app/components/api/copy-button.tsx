// A "copy" button beside a value. It only appears once JavaScript runs (the clipboard API needs
// it); without JavaScript the visible hint tells people to select and copy by hand.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";

export function CopyButton({ value }: { value: string }) {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  if (!ready) return null;
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={() => {
        navigator.clipboard.writeText(value).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      <span aria-live="polite">{copied ? t("api:keys.copied") : t("api:keys.copy")}</span>
    </Button>
  );
}
