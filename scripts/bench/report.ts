/** The bench's table and JSON: one row per budget, results by measurement. */
import { mkdirSync, writeFileSync } from 'node:fs';

export interface Row {
  metric: string;
  value: string;
  budget: string;
  /** null: reported, no budget. */
  ok: boolean | null;
}

export interface Report {
  row(metric: string, value: string, budget: string, ok: boolean | null): void;
  set(key: string, value: unknown): void;
  print(): void;
  write(file: string): void;
}

export function createReport(): Report {
  const rows: Row[] = [];
  const results: Record<string, unknown> = { date: new Date().toISOString() };
  return {
    row: (metric, value, budget, ok) => void rows.push({ metric, value, budget, ok }),
    set: (key, value) => void (results[key] = value),
    print() {
      const w = Math.max(...rows.map((r) => r.metric.length));
      const v = Math.max(28, ...rows.map((r) => r.value.length));
      console.log(`\n${'metric'.padEnd(w)}  ${'measured'.padEnd(v)}  budget`);
      for (const r of rows)
        console.log(`${r.metric.padEnd(w)}  ${r.value.padEnd(v)}  ${r.budget}${r.ok === null ? '' : r.ok ? '  ok' : '  OVER'}`);
    },
    write(file) {
      mkdirSync(file.slice(0, file.lastIndexOf('/')), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ ...results, rows }, null, 2)}\n`);
      console.log(`\nwritten: ${file}`);
    },
  };
}

/** The p-th percentile (nearest rank). */
export const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};

export const ms = (x: number): string => `${x.toFixed(2)} ms`;
