import { CodedError, ErrorCode, messageOf } from '../core/coded-error.ts';
import { CHART_FONT, CHART_HEIGHT, CHART_WIDTH, MAX_CHART_POINTS } from './chart-theme.ts';
import { assertSafeSvg } from './safe-svg.ts';
import type { ChartSpec } from './spec-base.ts';

export interface RenderOptions {
  format: 'svg' | 'png';
  /** Picture size in CSS pixels (the whole chart, titles and legend included): 640 x 360 by default. */
  width?: number;
  height?: number;
  /** Pixel density for PNG (2 for sharp text on high-density screens and Slack). */
  scale?: number;
}

type Engines = {
  vega: typeof import('vega');
  compile: typeof import('vega-lite').compile;
  sharp: typeof import('sharp').default;
};
let engines: Promise<Engines> | undefined;

/** Loads vega, vega-lite and sharp once per process; later renders reuse the warm modules. */
export function loadChartEngines(): Promise<Engines> {
  engines ??= Promise.all([import('vega'), import('vega-lite'), import('sharp')]).then(
    ([vega, vl, sharp]) => ({
      vega,
      compile: vl.compile,
      sharp: sharp.default,
    }),
  );
  return engines;
}

export async function renderChart(
  spec: ChartSpec,
  options: RenderOptions & { format: 'svg' },
): Promise<string>;
export async function renderChart(
  spec: ChartSpec,
  options: RenderOptions & { format: 'png' },
): Promise<Buffer>;
export async function renderChart(spec: ChartSpec, options: RenderOptions): Promise<string | Buffer>;
/**
 * Vega-Lite to Vega to SVG (headless View, no renderer), then SVG to PNG with sharp (librsvg,
 * which finds DejaVu Sans through fontconfig). The SVG is checked safe to inline in a page.
 */
export async function renderChart(spec: ChartSpec, options: RenderOptions): Promise<string | Buffer> {
  const scale = checkedScale(options.scale ?? 1);
  const svg = await drawSvg(spec, options, scale);
  if (options.format === 'svg') return svg;
  return svgToPng(svg, 1);
}

/**
 * The SVG for a page and the PNG for a file or Slack from one Vega pass: the PNG is the SVG
 * drawn at `pngScale` times its size (the same pixels as a Vega pass at that scale, half the work).
 */
export async function renderChartImages(
  spec: ChartSpec,
  options: { width?: number; height?: number; pngScale?: number } = {},
): Promise<{ svg: string; png: Buffer }> {
  const pngScale = checkedScale(options.pngScale ?? 1);
  const svg = await drawSvg(spec, { ...options, format: 'svg' }, 1);
  return { svg, png: await svgToPng(svg, pngScale) };
}

async function drawSvg(spec: ChartSpec, options: RenderOptions, scale: number): Promise<string> {
  const width = checkedSize('width', options.width ?? CHART_WIDTH);
  const height = checkedSize('height', options.height ?? CHART_HEIGHT);
  const data = (spec as { data?: { values?: unknown } }).data?.values;
  if (Array.isArray(data) && data.length > MAX_CHART_POINTS) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `A chart of ${data.length} points is over the limit of ${MAX_CHART_POINTS}: aggregate or keep the top values first.`,
    );
  }
  refuseLinks(spec);
  const { vega, compile } = await loadChartEngines();
  let svg: string;
  try {
    const config = { font: CHART_FONT, ...(spec as { config?: object }).config };
    const vegaSpec = compile({ ...spec, width, height, config } as ChartSpec).spec;
    const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', logLevel: vega.Error });
    try {
      svg = await view.toSVG(scale);
    } finally {
      view.finalize();
    }
  } catch (error) {
    throw new CodedError(ErrorCode.BadArgument, `The chart spec could not be drawn: ${messageOf(error)}`, {
      cause: error,
    });
  }
  assertSafeSvg(svg);
  return svg;
}

async function svgToPng(svg: string, scale: number): Promise<Buffer> {
  const { sharp } = await loadChartEngines();
  // 72 dpi is one SVG pixel per PNG pixel. Fast zlib level: charts are flat colours, the size
  // difference is small and the time is not.
  return sharp(Buffer.from(svg), { density: 72 * scale })
    .png({ compressionLevel: 3 })
    .toBuffer();
}

function checkedScale(scale: number): number {
  if (!(scale >= 0.5 && scale <= 4)) {
    throw new CodedError(ErrorCode.BadArgument, `Chart scale ${scale} is out of range: use 0.5 to 4.`);
  }
  return scale;
}

function checkedSize(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 120 || value > 4000) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `Chart ${name} ${value} is out of range: use 120 to 4000 pixels.`,
    );
  }
  return value;
}

/** Charts carry no links: an href channel or mark property is refused (data values are not searched). */
function refuseLinks(spec: unknown): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'href') {
          throw new CodedError(ErrorCode.BadArgument, 'Chart specs must not carry links (href); remove it.');
        }
        if (key !== 'data' && key !== 'datasets') visit(value);
      }
    }
  };
  visit(spec);
}
