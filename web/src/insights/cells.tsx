// The pieces every insights section draws with: a figure (a number, or "hidden" when the privacy
// rules suppress it) and a table of such cells by row.
import type { ReactNode } from 'react';
import { useApp } from '../app/context.tsx';

export type Cell = { value: number } | { suppressed: true };

export function CellValue({ cell, render }: { cell: Cell; render: (n: number) => ReactNode }) {
  const { t } = useApp();
  return 'value' in cell ? render(cell.value) : <span className="suppressed">{t('insights.suppressed')}</span>;
}

export function Figure({ label, cell, render }: { label: string; cell: Cell; render: (n: number) => ReactNode }) {
  return (
    <div className="insight-figure">
      <dt>{label}</dt>
      <dd>
        <CellValue cell={cell} render={render} />
      </dd>
    </div>
  );
}

export interface Column<R> {
  label: string;
  cell: (row: R) => Cell;
  render: (n: number) => ReactNode;
}

/** A table of cells: one row per key, its label in the first column. */
export function CellTable<R extends { key: string }>({
  title,
  head,
  rows,
  label,
  columns,
  level = 'h3',
}: {
  level?: 'h2' | 'h3';
  title: string;
  head: string;
  rows: R[];
  label: (row: R) => ReactNode;
  columns: Column<R>[];
}) {
  if (!rows.length) return null;
  const Heading = level;
  return (
    <section className="insight-table">
      <Heading>{title}</Heading>
      <table>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {columns.map((c) => (
              <th scope="col" key={c.label}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{label(r)}</th>
              {columns.map((c) => (
                <td key={c.label}>
                  <CellValue cell={c.cell(r)} render={c.render} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
