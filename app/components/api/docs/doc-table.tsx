// Building blocks of the API docs: an accessible table (caption, column headers, a row header per
// row) and a keyboard-scrollable code block.
export type DocRow = { key: string; id?: string; head: React.ReactNode; cells: React.ReactNode[] };

export function DocTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: DocRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 border border-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 text-left font-semibold">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 bg-white">
          {rows.map((row) => (
            <tr key={row.key} id={row.id}>
              <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                {row.head}
              </th>
              {row.cells.map((cell, index) => (
                <td key={index} className="px-3 py-2 align-top">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CodeBlock({ label, children }: { label: string; children: string }) {
  return (
    <figure>
      <figcaption className="sr-only">{label}</figcaption>
      <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-sm text-slate-50">
        <code className="font-mono">{children}</code>
      </pre>
    </figure>
  );
}
