import { tileFormat } from './chart-formats.ts';
import type { ColumnFormat } from './chart-result.ts';
import { DOWN_COLOUR, MUTED_COLOUR, UP_COLOUR } from './chart-theme.ts';
import { asSpec, baseSpec, type ChartSpec } from './spec-base.ts';

export interface TileSpecInput {
  title: string;
  subtitle?: string;
  value: number;
  format: ColumnFormat | undefined;
  /** The same figure in the comparison period, when there is one. */
  comparison?: { value: number; label: string };
}

/**
 * A single number, large, with its change against the comparison. Text from the data travels as
 * data fields (datum.*), never inside the expressions, so a label cannot become code.
 */
export function tileSpec(input: TileSpecInput): ChartSpec {
  const fmt = tileFormat(input.format, input.value);
  const cmp = input.comparison;
  const change = cmp && cmp.value !== 0 ? (input.value - cmp.value) / Math.abs(cmp.value) : null;
  const values = [{ v: input.value, c: cmp?.value ?? null, d: change, cl: cmp?.label ?? '' }];
  const centre = { x: { expr: 'width / 2' }, align: 'center', baseline: 'middle' };
  const layers: unknown[] = [
    {
      mark: { type: 'text', ...centre, y: { expr: 'height * 0.42' }, fontSize: 64, fontWeight: 'bold' },
      encoding: {
        text: { field: 'v', type: 'quantitative', format: fmt },
        color: { value: '#222' },
      },
    },
  ];
  if (cmp) {
    const arrow = change === null ? "''" : "(datum.d > 0 ? '▲ ' : datum.d < 0 ? '▼ ' : '= ')";
    const pct = change === null ? "''" : "format(abs(datum.d), '.1%') + ' '";
    const colour = change === null || change === 0 ? MUTED_COLOUR : change > 0 ? UP_COLOUR : DOWN_COLOUR;
    layers.push({
      transform: [
        {
          calculate: `${arrow} + ${pct} + 'vs ' + format(datum.c, '${tileFormat(input.format, cmp.value)}')`,
          as: 'line',
        },
      ],
      mark: { type: 'text', ...centre, y: { expr: 'height * 0.68' }, fontSize: 20 },
      encoding: { text: { field: 'line', type: 'nominal' }, color: { value: colour } },
    });
    layers.push({
      mark: { type: 'text', ...centre, y: { expr: 'height * 0.80' }, fontSize: 14 },
      encoding: { text: { field: 'cl', type: 'nominal' }, color: { value: MUTED_COLOUR } },
    });
  }
  return asSpec({ ...baseSpec(input.title, input.subtitle, values), layer: layers });
}
