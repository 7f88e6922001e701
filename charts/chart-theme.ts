import type { Config } from 'vega-lite';

/**
 * One look for every chart. DejaVu Sans is the font a bare Debian machine has (fonts-dejavu-core),
 * so librsvg finds it when sharp rasterises the SVG; browsers fall back to their sans-serif.
 */
export const CHART_FONT = 'DejaVu Sans, sans-serif';
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 360;
/** Most points a chart takes; more is a query to aggregate, not a picture. */
export const MAX_CHART_POINTS = 5000;

/** Colour-blind-friendly categorical palette (Tableau 10 order); the first colour is the brand's. */
export const PALETTE = [
  '#4C78A8',
  '#F58518',
  '#54A24B',
  '#E45756',
  '#72B7B2',
  '#EECA3B',
  '#B279A2',
  '#FF9DA6',
  '#9D755D',
  '#BAB0AC',
];
export const UP_COLOUR = '#2E7D32';
export const DOWN_COLOUR = '#C62828';
export const MUTED_COLOUR = '#666666';

export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: 'white',
  padding: 12,
  view: { stroke: null },
  title: {
    fontSize: 16,
    fontWeight: 'bold',
    anchor: 'start',
    color: '#222',
    subtitleColor: MUTED_COLOUR,
    limit: 600,
  },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    labelColor: '#333',
    titleColor: '#333',
    gridColor: '#e8e8e8',
    domainColor: '#999',
    tickColor: '#999',
    labelLimit: 180,
  },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 260, orient: 'top' },
  range: { category: PALETTE },
  line: { strokeWidth: 2.5 },
  bar: { color: PALETTE[0] },
};
