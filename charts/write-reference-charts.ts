/**
 * Writes the reference PNGs of docs/charts/ from the fixtures, to look at after a change to the
 * theme or the builders: `npx tsx charts/write-reference-charts.ts [out-dir]`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  marginByStore,
  monthlyByCategory,
  monthlyWithCompare,
  oneFigureWithCompare,
  revenueByRegionAndCategory,
  unitsByRegionAndChannel,
} from './chart-fixtures.ts';
import { chooseChart } from './choose-chart.ts';
import { renderChart } from './render-chart.ts';

const REFERENCES = {
  'line-with-comparison': monthlyWithCompare,
  'line-by-dimension': monthlyByCategory,
  'bar-horizontal-percent': marginByStore,
  'grouped-bar': unitsByRegionAndChannel,
  'stacked-bar': revenueByRegionAndCategory,
  tile: oneFigureWithCompare,
};

export async function writeReferenceCharts(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, result] of Object.entries(REFERENCES)) {
    const { spec, reason } = chooseChart(result);
    if (!spec) throw new Error(`${name}: no chart (${reason})`);
    const path = join(dir, `${name}.png`);
    await writeFile(path, await renderChart(spec, { format: 'png' }));
    written.push(path);
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const path of await writeReferenceCharts(process.argv[2] ?? 'docs/charts')) console.log(path);
}
