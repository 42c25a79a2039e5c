// Dates in the admin area: the viewer's locale and time zone from the root loader.
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";

export function useFormatDateTime() {
  const root = useRootData();
  const locale = root?.locale ?? "en";
  const timeZone = root?.timeZone ?? "UTC";
  return (value: Date | string | null | undefined) => (value ? formatDateTime(value, { locale, timeZone }) : "—");
}
