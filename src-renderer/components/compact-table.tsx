/**
 * The small captioned tables of the detail panes (attempts, replays, the retry schedule): a
 * caption saying what the rows are, column headers, one row per item. The caption and scoped
 * headers are what screen readers and the e2e tests find them by.
 */
import type { HTMLAttributes, Key, ReactNode } from 'react';

export function CompactTable<T>({ caption, headers, rows, rowKey, cells, rowProps }: {
  caption: string;
  headers: readonly string[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => Key;
  /** One cell per header, in order. */
  cells: (row: T, index: number) => ReactNode[];
  rowProps?: (row: T, index: number) => HTMLAttributes<HTMLTableRowElement>;
}) {
  return (
    <table className="compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((h) => <th key={h} scope="col">{h}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} {...rowProps?.(row, index)}>
            {cells(row, index).map((cell, i) => <td key={i}>{cell}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
