/** What the accountants' expense reports are made of: recurring vendors and the refurbishment bills. */
export type PaymentMethod = 'Card' | 'Bank transfer' | 'Direct debit';

export type Where = 'store' | 'HQ' | 'ONLINE' | 'each store';
// vendor, descriptions, account, [min, max] per month, [min, max] dollars at scale 1, payment, cost centre
export type Template = [
  string,
  readonly string[],
  string,
  [number, number],
  [number, number],
  PaymentMethod,
  Where,
];

export const TEMPLATES: readonly Template[] = [
  [
    'Saphir',
    ['Leather polish, neutral, 24 tins', 'Renovateur cream, 12 jars', 'Horsehair brushes, 20 pcs'],
    '6200',
    [2, 4],
    [180, 900],
    'Card',
    'store',
  ],
  [
    'Uline',
    [
      'Shoe boxes, 500 pcs',
      'Tissue paper, 10 reams',
      'Shipping cartons, 200 pcs',
      'Printed paper bags, 1,000 pcs',
    ],
    '6210',
    [1, 3],
    [400, 2500],
    'Card',
    'ONLINE',
  ],
  ['UPS', ['Parcel shipping, weekly invoice'], '6210', [4, 4], [14000, 24000], 'Direct debit', 'ONLINE'],
  ['FedEx', ['Express shipments'], '6210', [1, 2], [600, 3000], 'Direct debit', 'ONLINE'],
  ['Google Ads', ['Search and shopping campaigns'], '6300', [1, 1], [110000, 170000], 'Card', 'HQ'],
  ['Meta Ads', ['Instagram and Facebook campaigns'], '6300', [1, 1], [55000, 95000], 'Card', 'HQ'],
  [
    'Copper Press Printing',
    ['Lookbook printing', 'In-store posters, new season', 'Flyers, 5,000 pcs'],
    '6300',
    [0, 1],
    [1200, 6000],
    'Bank transfer',
    'HQ',
  ],
  ['Metro Power & Light', ['Electricity'], '6400', [1, 1], [700, 1600], 'Direct debit', 'each store'],
  ['Comcast Business', ['Internet and phone, all sites'], '6400', [1, 1], [2400, 2400], 'Direct debit', 'HQ'],
  ['Shopify', ['Shopify Plus subscription'], '6410', [1, 1], [2300, 2300], 'Card', 'ONLINE'],
  ['Lightspeed', ['POS licences, all stores'], '6410', [1, 1], [1900, 1900], 'Card', 'HQ'],
  ['Microsoft', ['Microsoft 365, 90 seats'], '6410', [1, 1], [1980, 1980], 'Card', 'HQ'],
  [
    'Apex Store Fixtures',
    ['Replacement shelving', 'Door closer repair', 'Lighting repair', 'Mirror replacement'],
    '6500',
    [1, 3],
    [300, 4000],
    'Bank transfer',
    'store',
  ],
  [
    'Delta Air Lines',
    ['Flight, store visits', 'Flight, supplier visit'],
    '6600',
    [1, 3],
    [350, 1400],
    'Card',
    'HQ',
  ],
  ['Marriott', ['Hotel, 2 nights', 'Hotel, trade show'], '6600', [1, 2], [300, 1200], 'Card', 'HQ'],
  ['Uber', ['Rides, business trip'], '6600', [1, 2], [40, 180], 'Card', 'HQ'],
  [
    'Whitfield & Reyes CPAs',
    ['Monthly bookkeeping and payroll services'],
    '6700',
    [1, 1],
    [5200, 5200],
    'Bank transfer',
    'HQ',
  ],
  [
    'The Hartford',
    ['Property and liability insurance, monthly premium'],
    '6800',
    [1, 1],
    [7400, 7400],
    'Direct debit',
    'HQ',
  ],
  ['Staples', ['Printer paper and toner', 'Office supplies'], '6900', [1, 2], [80, 600], 'Card', 'HQ'],
  ['Trattoria Luca', ['Team lunch', 'Dinner with a supplier'], '6950', [1, 2], [120, 800], 'Card', 'HQ'],
];

/** Story 1's other side: the Denver refurbishment bills, in the closure month. */
export const REFURBISHMENT: readonly [string, number][] = [
  ['Denver store refurbishment - strip-out and shopfitting, stage 1 of 3', 38_000],
  ['Denver store refurbishment - lighting and flooring, stage 2 of 3', 26_500],
  ['Denver store refurbishment - final fit-out, stage 3 of 3', 19_800],
];
