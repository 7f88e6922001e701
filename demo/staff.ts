/**
 * Salespeople: a manager and a few associates per store (some leave and are replaced during the
 * history), and wholesale account managers. Online orders have no salesperson.
 */
import type { Store } from './locations.ts';
import { personName } from './names.ts';
import type { Random } from './random.ts';
import type { Timeline } from './timeline.ts';

export interface Salesperson {
  id: number;
  code: string;
  name: string;
  storeId: number;
  role: string;
  hired: number;
  left: number | null;
}

export function buildStaff(rng: Random, stores: readonly Store[], timeline: Timeline): Salesperson[] {
  const staff: Salesperson[] = [];
  const add = (storeId: number, role: string, hired: number, left: number | null): void => {
    const { first, last } = personName(rng);
    const id = staff.length + 1;
    staff.push({ id, code: `E${String(1000 + id)}`, name: `${first} ${last}`, storeId, role, hired, left });
  };
  for (const store of stores) {
    if (store.type === 'wholesale') {
      for (let i = 0; i < 4; i++)
        add(store.id, 'Wholesale account manager', timeline.firstDay - rng.int(200, 2500), null);
    }
    if (store.type !== 'store') continue;
    const earliest = Math.max(store.opened - 21, timeline.firstDay - 3000);
    const hiredBy = (): number =>
      store.opened > timeline.firstDay
        ? store.opened - rng.int(14, 28)
        : rng.int(earliest, timeline.firstDay - 1);
    add(store.id, 'Store manager', hiredBy(), null);
    const associates = 2 + Math.round(store.demand * 3);
    for (let i = 0; i < associates; i++) {
      const hired = hiredBy();
      // A quarter of associates leave during the history; a replacement starts a few weeks later.
      const left = rng.chance(0.25)
        ? rng.int(Math.max(hired, timeline.firstDay) + 60, timeline.asOf - 45)
        : null;
      add(store.id, 'Sales associate', hired, left);
      if (left !== null) add(store.id, 'Sales associate', left + rng.int(7, 35), null);
    }
  }
  return staff;
}

/** Staff of each location who work on a given day (few per store, so a filter is cheap). */
export function activeStaff(staff: readonly Salesperson[], storeId: number, day: number): Salesperson[] {
  return staff.filter((s) => s.storeId === storeId && s.hired <= day && (s.left === null || s.left >= day));
}
