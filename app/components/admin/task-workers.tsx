// The worker processes from their heartbeats: alive, stopped, or silent (no heartbeat for 30 s).
import { useTranslation } from "react-i18next";
import { Table, Td } from "~/components/ui/table";
import { useFormatDateTime } from "./use-format-date";

type Worker = {
  id: string;
  hostname: string;
  pid: number;
  concurrency: Record<string, number>;
  startedAt: Date | string;
  lastSeenAt: Date | string;
  stoppedAt: Date | string | null;
  alive: boolean;
};

export function TaskWorkers({ mode, workers }: { mode: "relay" | "embedded"; workers: Worker[] }) {
  const { t } = useTranslation("tasks");
  const formatDate = useFormatDateTime();
  const anyAlive = workers.some((worker) => worker.alive);
  return (
    <div className="space-y-3">
      {mode === "embedded" ? (
        <p>{t("workers.embedded")}</p>
      ) : !anyAlive ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("workers.none")}
        </p>
      ) : null}
      {workers.length === 0 ? (
        mode === "relay" ? (
          <p className="text-slate-700">{t("workers.empty")}</p>
        ) : null
      ) : (
        <Table
          caption={t("workers.caption")}
          captionHidden
          columns={[
            { key: "worker", label: t("workers.worker") },
            { key: "status", label: t("workers.status") },
            { key: "concurrency", label: t("workers.concurrency") },
            { key: "started", label: t("workers.started") },
            { key: "lastSeen", label: t("workers.lastSeen") },
          ]}
        >
          {workers.map((worker) => (
            <tr key={worker.id}>
              <Td>
                <span className="font-mono">{worker.hostname}</span> · {worker.pid}
              </Td>
              <Td>
                {worker.alive ? (
                  <span className="font-medium text-emerald-800">{t("workers.alive")}</span>
                ) : worker.stoppedAt ? (
                  <span className="text-slate-700">{t("workers.stopped")}</span>
                ) : (
                  <span className="font-medium text-red-800">{t("workers.silent")}</span>
                )}
              </Td>
              <Td>
                {Object.entries(worker.concurrency)
                  .map(([queue, count]) => `${t(`queues.${queue}`, { defaultValue: queue })} ${count}`)
                  .join(", ")}
              </Td>
              <Td className="whitespace-nowrap">{formatDate(worker.startedAt)}</Td>
              <Td className="whitespace-nowrap">{formatDate(worker.lastSeenAt)}</Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
