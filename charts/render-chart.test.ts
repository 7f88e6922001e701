import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isCodedError } from '../core/coded-error.ts';
import {
  marginByStore,
  monthlyWithCompare,
  oneFigureWithCompare,
  unitsByRegionAndChannel,
} from './chart-fixtures.ts';
import { chooseChart } from './choose-chart.ts';
import { renderChart, renderChartImages } from './render-chart.ts';
import { assertSafeSvg } from './safe-svg.ts';
import type { ChartSpec } from './spec-base.ts';

function specOf(result: unknown): ChartSpec {
  const { spec } = chooseChart(result);
  if (!spec) throw new Error('expected a chart');
  return spec;
}

/** The text content of every <text> element, unescaped once (as a browser would show it). */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

describe('renderChart', () => {
  it('SVG of a monthly line: title, axis titles, month and compact currency tick labels, DejaVu font', async () => {
    const svg = await renderChart(specOf(monthlyWithCompare), { format: 'svg' });
    const t = texts(svg);
    expect(t).toEqual(
      expect.arrayContaining(['Revenue by month', 'Month', 'Revenue', 'Jan 2024', 'Apr 2024']),
    );
    expect(t).toEqual(expect.arrayContaining(['$1M', '$1.2M', '$800k', '$0']));
    expect(t).toContain('Revenue (year before)');
    expect(svg).toContain('font-family="DejaVu Sans, sans-serif"');
    expect(svg).toMatch(/^<svg[^>]* width="640" height="360"/);
  });

  it('SVG of percent bars: percent ticks, long labels truncated, one red bar for the loss', async () => {
    const svg = await renderChart(specOf(marginByStore), { format: 'svg' });
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['Gross margin', 'Store', '0%', '10%', '50%', 'Online shop']));
    expect(t.some((x) => x.startsWith('Wholesale: El Corte') && x.endsWith('…'))).toBe(true);
    expect(svg.match(/aria-roledescription="bar"[^>]*fill="#C62828"/g)).toHaveLength(1);
  });

  it('billions print as B, never as SI "G"; small currency keeps its decimals', async () => {
    const result = {
      columns: [
        { name: 'a', role: 'dimension' },
        { name: 'v', role: 'metric', format: 'currency', label: 'Value' },
      ],
      rows: [
        ['x', 1.5e9],
        ['y', 0.4e9],
      ],
    };
    const t = texts(await renderChart(specOf(result), { format: 'svg' }));
    expect(t.some((x) => /^\$1(\.\d+)?B$/.test(x))).toBe(true);
    expect(t.some((x) => /G$/.test(x))).toBe(false);
    const small = texts(
      await renderChart(
        specOf({
          ...result,
          rows: [
            ['x', 1.5],
            ['y', 0.25],
          ],
        }),
        { format: 'svg' },
      ),
    );
    expect(small).toEqual(expect.arrayContaining(['$0', '$0.2', '$1.4']));
  });

  it('SVG of a tile: the figure with thousands and the change against the comparison', async () => {
    const t = texts(await renderChart(specOf(oneFigureWithCompare), { format: 'svg' }));
    expect(t).toEqual(expect.arrayContaining(['$1,234,568', '▲ 12.2% vs $1,100,000', 'Q3 2024', 'North']));
  });

  it("a comparison's long legend label is written whole, taking the room a short one leaves", async () => {
    const result = {
      ...monthlyWithCompare,
      columns: monthlyWithCompare.columns.map((c) =>
        c.role === 'compare' ? { ...c, label: 'same period last year' } : c,
      ),
    };
    const t = texts(await renderChart(specOf(result), { format: 'svg' }));
    expect(t).toContain('Revenue (same period last year)');
    expect(t.some((text) => text.includes('…'))).toBe(false);
  });

  it('dates are calendar days in any time zone; quarters print as Q1 2025, days as 5 Jan 2025', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const t = texts(await renderChart(specOf(monthlyWithCompare), { format: 'svg' }));
      expect(t).toContain('Jan 2024');
      expect(t).not.toContain('Dec 2023');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const quarters = {
      columns: [
        { name: 'q', role: 'time', label: 'Quarter' },
        { name: 'v', role: 'metric', format: 'currency', label: 'Revenue' },
      ],
      rows: ['2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01', '2025-01-01'].map((q, i) => [
        q,
        2e6 + i * 1e5,
      ]),
    };
    const q = texts(await renderChart(specOf(quarters), { format: 'svg' }));
    expect(q).toEqual(
      expect.arrayContaining(['Q1 2024', 'Q2 2024', 'Q4 2024', 'Q1 2025', 'Revenue by quarter']),
    );
    const days = {
      columns: [
        { name: 'd', role: 'time', label: 'Day' },
        { name: 'v', role: 'metric', format: 'days', label: 'Days to ship' },
      ],
      rows: Array.from({ length: 90 }, (_, i) => [
        new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
        2 + i / 100,
      ]),
    };
    const d = texts(await renderChart(specOf(days), { format: 'svg' }));
    expect(d).toEqual(expect.arrayContaining(['Days to ship (days)', '2 Feb 2025']));
  });

  it('PNG at the requested size and scale, and not blank', async () => {
    const png = await renderChart(specOf(unitsByRegionAndChannel), {
      format: 'png',
      width: 640,
      height: 360,
      scale: 2,
    });
    const image = sharp(png);
    const meta = await image.metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1280, 720]);
    const stats = await image.stats();
    // A white page has every channel at 255 with no spread; a chart has ink and colour.
    expect(stats.isOpaque).toBe(true);
    expect(stats.channels[0]?.min).toBeLessThan(100);
    expect(stats.channels.slice(0, 3).every((c) => c.stdev > 20)).toBe(true);
    const small = await sharp(
      await renderChart(specOf(marginByStore), { format: 'png', width: 400, height: 300 }),
    ).metadata();
    expect([small.width, small.height]).toEqual([400, 300]);
  });

  it('renderChartImages gives the page SVG and a double-size PNG from one Vega pass, pixel for pixel', async () => {
    const spec = specOf(monthlyWithCompare);
    const { svg, png } = await renderChartImages(spec, { pngScale: 2 });
    expect(svg).toBe(await renderChart(spec, { format: 'svg' }));
    const twoPasses = await renderChart(spec, { format: 'png', scale: 2 });
    const [one, two] = await Promise.all([sharp(png).raw().toBuffer(), sharp(twoPasses).raw().toBuffer()]);
    expect((await sharp(png).metadata()).width).toBe(1280);
    expect(one.equals(two)).toBe(true);
    await expect(renderChartImages(spec, { pngScale: 9 })).rejects.toThrow(/scale 9/);
  });

  it('labels from the data are escaped: "<script>" and quotes stay text, safe to inline', async () => {
    const evil = `</text><script>alert("x")</script><img src=x onerror='y'>`;
    const result = {
      title: `Revenue ${evil}`,
      columns: [
        { name: 'store"><script>', role: 'dimension', label: evil },
        { name: 'revenue', role: 'metric', format: 'currency', label: `Rev ${evil}` },
      ],
      rows: [
        [evil, 10],
        ['B onclick="x"', 20],
      ],
    };
    const svg = await renderChart(specOf(result), { format: 'svg' });
    expect(svg).not.toMatch(/<script|<img|<\/text><script/i);
    expect(svg).toContain('&lt;script&gt;');
    expect(texts(svg).some((t) => t.includes('<script>alert("x")</script>'))).toBe(true);
    expect(() => assertSafeSvg(svg)).not.toThrow();
    const png = await renderChart(specOf(result), { format: 'png' });
    expect((await sharp(png).metadata()).width).toBe(640);
  });

  it('the safety check refuses markup a spec could smuggle in (href, script, handlers)', () => {
    expect(() => assertSafeSvg('<svg><a href="javascript:x"><text>a</text></a></svg>')).toThrow(/link/);
    expect(() => assertSafeSvg('<svg><script>x</script></svg>')).toThrow(/script/);
    expect(() => assertSafeSvg('<svg><rect onload="x"/></svg>')).toThrow(/event handler/);
    expect(() => assertSafeSvg('<svg><text aria-label="a onclick=b">x onclick=y</text></svg>')).not.toThrow();
  });

  it('a spec with an href channel or a link is refused before rendering', async () => {
    const spec = {
      data: { values: [{ a: 1, u: 'javascript:alert(1)' }] },
      mark: 'bar',
      encoding: { y: { field: 'a', type: 'quantitative' }, href: { field: 'u' } },
    } as unknown as ChartSpec;
    await expect(renderChart(spec, { format: 'svg' })).rejects.toThrow(/links/);
    const inMark = { ...specOf(marginByStore), mark: { type: 'bar', href: 'https://example.com' } };
    await expect(renderChart(inMark as ChartSpec, { format: 'svg' })).rejects.toThrow(/links/);
  });

  it('a spec from elsewhere gets the DejaVu font unless it names one', async () => {
    const spec = {
      data: { values: [{ a: 1 }] },
      mark: 'bar',
      encoding: { y: { field: 'a', type: 'quantitative' } },
    };
    expect(await renderChart(spec as ChartSpec, { format: 'svg' })).toContain(
      'font-family="DejaVu Sans, sans-serif"',
    );
  });

  it('bad options and oversized or invalid specs are BAD_ARGUMENT errors that say what to do', async () => {
    const spec = specOf(marginByStore);
    await expect(renderChart(spec, { format: 'png', width: 10 })).rejects.toThrow(/width 10 is out of range/);
    await expect(renderChart(spec, { format: 'png', scale: 9 })).rejects.toThrow(/scale 9/);
    const big = {
      ...spec,
      data: { values: Array.from({ length: 5001 }, (_, i) => ({ x: String(i), v: i })) },
    };
    await expect(renderChart(big as ChartSpec, { format: 'svg' })).rejects.toThrow(/5001 points.*5000/);
    const broken = { mark: 'nonsense', data: { values: [] } } as unknown as ChartSpec;
    const error = await renderChart(broken, { format: 'svg' }).catch((e: unknown) => e);
    expect(isCodedError(error, 'BAD_ARGUMENT')).toBe(true);
  });
});
