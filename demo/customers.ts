/**
 * The customer base. Customers who existed before the history are written first (in joining
 * order); new ones are created by the sales loop at their first identified purchase, so ids,
 * joined dates, modified_at and row_version all increase together.
 */
import { type CsvWriter, csvLine } from './csv-writer.ts';
import { isoDateTime, isoDay } from './dates.ts';
import type { Store } from './locations.ts';
import { emailFor, personName, shopName, US_CITIES } from './names.ts';
import type { Random } from './random.ts';
import type { Timeline } from './timeline.ts';

interface Pools {
  loyalty: number[];
  retail: number[];
}

interface Draft {
  store: Store;
  segment: 'retail' | 'loyalty' | 'wholesale';
  day: number;
  second: number;
}

export class CustomerRegistry {
  private nextId = 1;
  private readonly pools = new Map<number, Pools>();
  readonly wholesaleAccounts: number[] = [];
  /** Trading names of wholesale accounts, for the bank statement lines of their payments. */
  readonly wholesaleNames = new Map<number, string>();

  constructor(
    private readonly rng: Random,
    private readonly writer: CsvWriter,
  ) {}

  /** Writes the customers who joined before the history starts. */
  seedPrehistory(stores: readonly Store[], timeline: Timeline, scale: number): void {
    const drafts: Draft[] = [];
    const rng = this.rng;
    const draft = (store: Store, segment: Draft['segment']): void => {
      const earliest = Math.max(store.opened, timeline.firstDay - 1500);
      drafts.push({
        store,
        segment,
        day: rng.int(earliest, timeline.firstDay - 1),
        second: rng.int(32_400, 72_000),
      });
    };
    for (const store of stores) {
      if (store.type === 'store' && store.opened < timeline.firstDay) {
        const count = Math.round(1500 * scale * store.demand) + 10;
        for (let i = 0; i < count; i++) draft(store, rng.chance(0.35) ? 'loyalty' : 'retail');
      } else if (store.type === 'online') {
        const count = Math.round(4000 * scale) + 20;
        for (let i = 0; i < count; i++) draft(store, rng.chance(0.25) ? 'loyalty' : 'retail');
      } else if (store.type === 'wholesale') {
        const count = 25 + Math.round(40 * Math.sqrt(scale));
        for (let i = 0; i < count; i++) draft(store, 'wholesale');
      }
    }
    drafts.sort((a, b) => a.day - b.day || a.second - b.second);
    for (const d of drafts) this.write(d);
  }

  /** An existing customer of a location, loyalty members more often; undefined if it has none yet. */
  pick(storeId: number, rng: Random): number | undefined {
    const pools = this.pools.get(storeId);
    if (!pools) return undefined;
    const pool =
      pools.loyalty.length > 0 && (pools.retail.length === 0 || rng.chance(0.6))
        ? pools.loyalty
        : pools.retail;
    return pool.length > 0 ? pool[Math.floor(rng.next() * pool.length)] : undefined;
  }

  /** Creates (and writes) a customer at their first purchase; call in time order. */
  create(store: Store, day: number, second: number): number {
    const loyaltyShare = store.type === 'online' ? 0.25 : 0.35;
    return this.write({ store, segment: this.rng.chance(loyaltyShare) ? 'loyalty' : 'retail', day, second });
  }

  get count(): number {
    return this.nextId - 1;
  }

  private write(d: Draft): number {
    const id = this.nextId++;
    const rng = this.rng;
    let name: string;
    let email: string;
    if (d.segment === 'wholesale') {
      name = shopName(rng, this.wholesaleAccounts.length);
      email = `buying${id}@${name.toLowerCase().replace(/[^a-z]/g, '')}.example`;
      this.wholesaleAccounts.push(id);
      this.wholesaleNames.set(id, name);
    } else {
      const { first, last } = personName(rng);
      name = `${first} ${last}`;
      email = emailFor(first, last, id);
      const pools = this.pools.get(d.store.id) ?? { loyalty: [], retail: [] };
      this.pools.set(d.store.id, pools);
      (d.segment === 'loyalty' ? pools.loyalty : pools.retail).push(id);
    }
    const [city, state] = d.store.type === 'online' ? rng.pick(US_CITIES) : [d.store.city, d.store.state];
    const tier = d.segment === 'loyalty' ? (rng.chance(0.25) ? 'gold' : 'silver') : null;
    const joined = isoDateTime(d.day, d.second);
    this.writer.line(
      csvLine([
        id,
        `C${String(id).padStart(8, '0')}`,
        name,
        d.segment,
        tier,
        email,
        city,
        state,
        d.store.id,
        isoDay(d.day),
        joined,
        id,
      ]),
    );
    return id;
  }
}
