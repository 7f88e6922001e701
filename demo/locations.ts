/**
 * Regions, locations and channels of Cordova Shoe Co. Fixed lists: the same at every seed and
 * scale, so stories can name them. `demand` is a store's relative footfall.
 */
import { dayOf, nthWeekday } from './dates.ts';
import type { Timeline } from './timeline.ts';

export type Climate = 'cold' | 'warm' | 'mild' | 'national';
export type StoreType = 'store' | 'online' | 'wholesale' | 'warehouse';

export interface Region {
  id: number;
  code: string;
  name: string;
  climate: Climate;
}

export interface Store {
  id: number;
  code: string;
  name: string;
  type: StoreType;
  regionId: number;
  city: string | null;
  state: string | null;
  opened: number;
  sizeSqft: number | null;
  stockLocationId: number;
  /** Relative demand of a physical store (1 = average). */
  demand: number;
  /** Channel id sold through (0 for the warehouse, which does not sell). */
  channelId: number;
}

export interface Channel {
  id: number;
  code: 'store' | 'online' | 'wholesale';
  name: string;
}

export const regions: readonly Region[] = [
  { id: 1, code: 'NE', name: 'Northeast', climate: 'cold' },
  { id: 2, code: 'SE', name: 'Southeast', climate: 'warm' },
  { id: 3, code: 'MW', name: 'Midwest', climate: 'cold' },
  { id: 4, code: 'WE', name: 'West', climate: 'mild' },
  { id: 5, code: 'MT', name: 'Mountain', climate: 'cold' },
  { id: 6, code: 'NA', name: 'National', climate: 'national' },
];

export const channels: readonly Channel[] = [
  { id: 1, code: 'store', name: 'In store' },
  { id: 2, code: 'online', name: 'Online shop' },
  { id: 3, code: 'wholesale', name: 'Wholesale' },
];

export const STORE_CHANNEL = 1;
export const ONLINE_CHANNEL = 2;
export const WHOLESALE_CHANNEL = 3;
export const WAREHOUSE_ID = 18;

// code, name, region, city, state, opened year, demand, sqft
const PHYSICAL: readonly [string, string, number, string, string, number, number, number][] = [
  ['NE-NYC', 'Cordova SoHo', 1, 'New York', 'NY', 2009, 1.5, 2400],
  ['NE-BOS', 'Cordova Newbury Street', 1, 'Boston', 'MA', 2012, 1.1, 1800],
  ['NE-PHL', 'Cordova Rittenhouse', 1, 'Philadelphia', 'PA', 2016, 0.9, 1500],
  ['SE-MIA', 'Cordova Coral Gables', 2, 'Miami', 'FL', 2014, 1.0, 1700],
  ['SE-ATL', 'Cordova Buckhead', 2, 'Atlanta', 'GA', 2015, 1.0, 1700],
  ['SE-CLT', 'Cordova South End', 2, 'Charlotte', 'NC', 2018, 0.7, 1200],
  ['MW-CHI', 'Cordova Michigan Avenue', 3, 'Chicago', 'IL', 2011, 1.3, 2200],
  ['MW-MSP', 'Cordova North Loop', 3, 'Minneapolis', 'MN', 2017, 0.8, 1400],
  ['MW-CMH', 'Cordova Short North', 3, 'Columbus', 'OH', 2019, 0.7, 1200],
  ['WE-SFO', 'Cordova Union Square', 4, 'San Francisco', 'CA', 2010, 1.2, 2000],
  ['WE-LAX', 'Cordova Abbot Kinney', 4, 'Los Angeles', 'CA', 2013, 1.2, 2000],
  ['WE-SEA', 'Cordova Pike Place', 4, 'Seattle', 'WA', 2016, 0.9, 1500],
  ['MT-DEN', 'Cordova Larimer Square', 5, 'Denver', 'CO', 2010, 1.3, 2200],
  ['MT-SLC', 'Cordova 9th and 9th', 5, 'Salt Lake City', 'UT', 2018, 0.6, 1100],
  ['SE-BNA', 'Cordova 12 South', 2, 'Nashville', 'TN', 0, 0.9, 1500],
];

/** The store that opens mid-history (story 5). */
export const OPENING_STORE_CODE = 'SE-BNA';
/** The store closed for refurbishment (story 1). */
export const REFURBISHED_STORE_CODE = 'MT-DEN';

export function buildStores(timeline: Timeline): Store[] {
  const stores: Store[] = PHYSICAL.map(([code, name, regionId, city, state, year, demand, sqft], i) => ({
    id: i + 1,
    code,
    name,
    type: 'store',
    regionId,
    city,
    state,
    // Opened on the first Friday of April of its year; the new store on its story date.
    opened: code === OPENING_STORE_CODE ? timeline.storeOpening : nthWeekday(year, 4, 5, 1),
    sizeSqft: sqft,
    stockLocationId: i + 1,
    demand,
    channelId: STORE_CHANNEL,
  }));
  const longAgo = dayOf(2008, 3, 3);
  stores.push(
    {
      id: 16,
      code: 'ONLINE',
      name: 'Cordova online shop',
      type: 'online',
      regionId: 6,
      city: null,
      state: null,
      opened: longAgo,
      sizeSqft: null,
      stockLocationId: WAREHOUSE_ID,
      demand: 0,
      channelId: ONLINE_CHANNEL,
    },
    {
      id: 17,
      code: 'WHOLESALE',
      name: 'Cordova wholesale',
      type: 'wholesale',
      regionId: 6,
      city: 'Memphis',
      state: 'TN',
      opened: longAgo,
      sizeSqft: null,
      stockLocationId: WAREHOUSE_ID,
      demand: 0,
      channelId: WHOLESALE_CHANNEL,
    },
    {
      id: WAREHOUSE_ID,
      code: 'WH-MEM',
      name: 'Central warehouse',
      type: 'warehouse',
      regionId: 6,
      city: 'Memphis',
      state: 'TN',
      opened: longAgo,
      sizeSqft: null,
      stockLocationId: WAREHOUSE_ID,
      demand: 0,
      channelId: 0,
    },
  );
  return stores;
}

export function regionOf(store: Store): Region {
  const region = regions[store.regionId - 1];
  if (!region) throw new Error(`store ${store.code} has no region`);
  return region;
}
