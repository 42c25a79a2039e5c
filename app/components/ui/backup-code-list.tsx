// One-time backup codes, shown once right after they are issued: a list the person can read,
// print or copy. The page never shows them again.
export function BackupCodeList({
  codes,
  title,
  lead,
  warning,
}: {
  codes: string[];
  title: string;
  lead: string;
  warning: string;
}) {
  return (
    <section
      aria-labelledby="backup-codes-title"
      className="rounded-lg border-2 border-amber-500 bg-amber-50 p-6"
      data-testid="backup-codes"
    >
      <h2 id="backup-codes-title" className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-800">{lead}</p>
      <ol className="mt-4 grid max-w-md grid-cols-2 gap-2 font-mono text-base">
        {codes.map((code) => (
          <li key={code} className="rounded border border-amber-300 bg-white px-3 py-1 text-center" data-testid="backup-code">
            {code}
          </li>
        ))}
      </ol>
      <p className="mt-4 text-sm font-medium text-amber-900">{warning}</p>
    </section>
  );
}
