/** The product lines (collections) and their styles; colours and prices are drawn per seed. */

export type Category = 'boots' | 'oxfords' | 'loafers' | 'sandals' | 'sneakers' | 'accessories';
export type Gender = 'women' | 'men' | 'unisex';

export const CATEGORIES: readonly Category[] = [
  'boots',
  'oxfords',
  'loafers',
  'sandals',
  'sneakers',
  'accessories',
];

export interface LineSpec {
  line: string;
  code: string;
  gender: Gender;
  leather: string;
  /** Price level relative to the category's base price. */
  tier: number;
  supplierId: number;
  /** [category, style, style code] */
  styles: readonly (readonly [Category, string, string])[];
}

/** The line launched mid-history that becomes the best seller (story 3). */
export const NEW_LINE = 'Terra';
/** The sandal whose small sizes come back 'too small' (story 4): line, style code, forced colour. */
export const SIZE_STORY_SKU = { line: 'Malaga', styleCode: 'STR', colour: 'sand', skuCode: 'MAL-STR-SND' };

export const LINES: readonly LineSpec[] = [
  {
    line: 'Segovia',
    code: 'SEG',
    gender: 'men',
    leather: 'full-grain calf',
    tier: 1.15,
    supplierId: 4,
    styles: [
      ['boots', 'Chelsea boot', 'CHB'],
      ['boots', 'lace-up boot', 'LUB'],
      ['boots', 'chukka boot', 'CHK'],
      ['oxfords', 'cap-toe oxford', 'CTO'],
      ['oxfords', 'derby', 'DRB'],
    ],
  },
  {
    line: 'Toledo',
    code: 'TOL',
    gender: 'women',
    leather: 'suede',
    tier: 1.0,
    supplierId: 4,
    styles: [
      ['boots', 'ankle boot', 'ANK'],
      ['boots', 'knee-high boot', 'KHB'],
      ['boots', 'Chelsea boot', 'CHB'],
      ['loafers', 'penny loafer', 'PNY'],
      ['sandals', 'block-heel sandal', 'BHS'],
    ],
  },
  {
    line: 'Granada',
    code: 'GRA',
    gender: 'men',
    leather: 'vegetable-tanned',
    tier: 1.25,
    supplierId: 2,
    styles: [
      ['oxfords', 'wingtip oxford', 'WTO'],
      ['oxfords', 'plain-toe oxford', 'PTO'],
      ['loafers', 'tassel loafer', 'TSL'],
      ['loafers', 'horsebit loafer', 'HBL'],
      ['boots', 'lace-up boot', 'LUB'],
    ],
  },
  {
    line: 'Sevilla',
    code: 'SEV',
    gender: 'women',
    leather: 'nappa',
    tier: 1.1,
    supplierId: 1,
    styles: [
      ['loafers', 'penny loafer', 'PNY'],
      ['loafers', 'driving moccasin', 'DRV'],
      ['sandals', 'slide sandal', 'SLD'],
      ['oxfords', 'brogue', 'BRG'],
      ['boots', 'ankle boot', 'ANK'],
    ],
  },
  {
    line: 'Malaga',
    code: 'MAL',
    gender: 'women',
    leather: 'vegetable-tanned',
    tier: 0.9,
    supplierId: 3,
    styles: [
      ['sandals', 'strappy sandal', 'STR'],
      ['sandals', 'slide sandal', 'SLD'],
      ['sandals', 'espadrille sandal', 'ESP'],
      ['sandals', 'fisherman sandal', 'FSH'],
      ['loafers', 'driving moccasin', 'DRV'],
    ],
  },
  {
    line: 'Cadiz',
    code: 'CAD',
    gender: 'men',
    leather: 'nubuck',
    tier: 0.95,
    supplierId: 3,
    styles: [
      ['sandals', 'fisherman sandal', 'FSH'],
      ['sandals', 'slide sandal', 'SLD'],
      ['sandals', 'sport sandal', 'SPT'],
      ['loafers', 'driving moccasin', 'DRV'],
      ['sneakers', 'low-top sneaker', 'LOW'],
    ],
  },
  {
    line: 'Ronda',
    code: 'RON',
    gender: 'unisex',
    leather: 'full-grain calf',
    tier: 0.9,
    supplierId: 6,
    styles: [
      ['sneakers', 'low-top sneaker', 'LOW'],
      ['sneakers', 'high-top sneaker', 'HIG'],
      ['sneakers', 'runner', 'RUN'],
      ['sneakers', 'slip-on sneaker', 'SLP'],
      ['sneakers', 'court sneaker', 'CRT'],
    ],
  },
  {
    line: 'Navarra',
    code: 'NAV',
    gender: 'women',
    leather: 'patent',
    tier: 1.05,
    supplierId: 2,
    styles: [
      ['oxfords', 'cap-toe oxford', 'CTO'],
      ['oxfords', 'derby', 'DRB'],
      ['loafers', 'horsebit loafer', 'HBL'],
      ['boots', 'knee-high boot', 'KHB'],
      ['sandals', 'block-heel sandal', 'BHS'],
    ],
  },
  {
    line: 'Soria',
    code: 'SOR',
    gender: 'men',
    leather: 'oiled leather',
    tier: 1.0,
    supplierId: 5,
    styles: [
      ['boots', 'work boot', 'WRK'],
      ['boots', 'hiking boot', 'HIK'],
      ['boots', 'chukka boot', 'CHK'],
      ['boots', 'lace-up boot', 'LUB'],
      ['sneakers', 'high-top sneaker', 'HIG'],
    ],
  },
  {
    line: 'Alhambra',
    code: 'ALH',
    gender: 'men',
    leather: 'shell cordovan',
    tier: 1.45,
    supplierId: 1,
    styles: [
      ['oxfords', 'cap-toe oxford', 'CTO'],
      ['oxfords', 'wingtip oxford', 'WTO'],
      ['oxfords', 'plain-toe oxford', 'PTO'],
      ['loafers', 'penny loafer', 'PNY'],
      ['boots', 'Chelsea boot', 'CHB'],
    ],
  },
  {
    line: 'Valencia',
    code: 'VAL',
    gender: 'women',
    leather: 'suede',
    tier: 0.95,
    supplierId: 5,
    styles: [
      ['loafers', 'tassel loafer', 'TSL'],
      ['loafers', 'penny loafer', 'PNY'],
      ['sandals', 'espadrille sandal', 'ESP'],
      ['sneakers', 'slip-on sneaker', 'SLP'],
      ['boots', 'ankle boot', 'ANK'],
    ],
  },
  {
    line: 'Cordova Care',
    code: 'CAR',
    gender: 'unisex',
    leather: 'various',
    tier: 1,
    supplierId: 7,
    styles: [
      ['accessories', 'belt', 'BLT'],
      ['accessories', 'wallet', 'WAL'],
      ['accessories', 'cardholder', 'CRD'],
      ['accessories', 'shoe care kit', 'KIT'],
      ['accessories', 'cedar shoe trees', 'TRE'],
      ['accessories', 'leather laces', 'LAC'],
      ['accessories', 'suede brush', 'BRS'],
    ],
  },
  {
    line: NEW_LINE,
    code: 'TER',
    gender: 'unisex',
    leather: 'vegetable-tanned',
    tier: 1.3,
    supplierId: 6,
    styles: [
      ['sneakers', 'low-top sneaker', 'LOW'],
      ['sneakers', 'runner', 'RUN'],
      ['sneakers', 'high-top sneaker', 'HIG'],
      ['sneakers', 'court sneaker', 'CRT'],
    ],
  },
];

/** List price in dollars before the line's tier, per category (accessories per style code). */
export const BASE_PRICE: Record<Category, number> = {
  boots: 245,
  oxfords: 215,
  loafers: 185,
  sandals: 115,
  sneakers: 145,
  accessories: 40,
};

export const ACCESSORY_PRICE: Record<string, number> = {
  BLT: 65,
  WAL: 85,
  CRD: 45,
  KIT: 35,
  TRE: 30,
  LAC: 12,
  BRS: 18,
};

export const COLOURS: readonly (readonly [string, string])[] = [
  ['black', 'BLK'],
  ['chestnut', 'CHS'],
  ['cognac', 'COG'],
  ['dark brown', 'DBR'],
  ['tan', 'TAN'],
  ['oxblood', 'OXB'],
  ['navy', 'NAV'],
  ['stone', 'STN'],
  ['olive', 'OLV'],
  ['burgundy', 'BUR'],
  ['sand', 'SND'],
  ['white', 'WHT'],
  ['grey', 'GRY'],
];

/** Size runs by gender: [first EU size, last EU size]. */
export const SIZE_RUNS: Record<Gender, readonly [number, number]> = {
  women: [35, 41],
  men: [39, 46],
  unisex: [36, 46],
};
