/**
 * Generates the Tejo Bikes example's CSV files in data/ (run once, output committed):
 *   npx tsx examples/bike-rental/generate-data.ts [OUT_DIR]
 * Seeded and deterministic: the same run gives the same bytes. Amounts are integer cents written
 * as plain decimals; dates are ISO (YYYY-MM-DD).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');
const FIRST_DAY = Date.UTC(2024, 0, 1);
const DAYS = 547; // 2024-01-01 .. 2025-06-30

/** mulberry32: small, seeded, good enough for example data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** Writes the five CSV files into outDir; returns how many rows the larger ones got. */
export function generateBikeRentalData(outDir: string): {
  rentals: number;
  maintenanceJobs: number;
  members: number;
} {
  const random = prng(20240101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const day = (offset: number): string =>
    new Date(FIRST_DAY + offset * 86_400_000).toISOString().slice(0, 10);
  const money = (cents: number): string => (Math.round(cents) / 100).toFixed(2);

  function writeCsv(outDir: string, name: string, header: string[], rows: (string | number)[][]): void {
    const quote = (v: string | number) =>
      /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v);
    const lines = [header.join(','), ...rows.map((row) => row.map(quote).join(','))];
    writeFileSync(join(outDir, `${name}.csv`), `${lines.join('\n')}\n`);
  }

  const STATIONS: [string, string, number][] = [
    ['Praça do Comércio', 'Baixa', 30],
    ['Rossio', 'Baixa', 24],
    ['Sé Cathedral', 'Alfama', 12],
    ['Miradouro de Santa Luzia', 'Alfama', 10],
    ['Jerónimos', 'Belém', 20],
    ['Torre de Belém', 'Belém', 18],
    ['Oceanário', 'Parque das Nações', 26],
    ['Gare do Oriente', 'Parque das Nações', 28],
    ['Cais do Sodré', 'Cais do Sodré', 32],
    ['LX Factory', 'Alcântara', 16],
    ['Marquês de Pombal', 'Avenidas Novas', 22],
    ['Campo Pequeno', 'Avenidas Novas', 18],
  ];
  const stationIds = STATIONS.map((_, i) => `S${String(i + 1).padStart(2, '0')}`);
  writeCsv(
    outDir,
    'stations',
    ['station_id', 'station_name', 'district', 'docks', 'opened_on'],
    STATIONS.map(([name, district, docks], i) => [
      stationIds[i] as string,
      name,
      district,
      docks,
      day(-between(60, 400)),
    ]),
  );

  /** type -> [model name, purchase cost cents, unlock cents, cents per minute, count] */
  const BIKE_TYPES: Record<string, [string, number, number, number, number]> = {
    classic: ['Tejo Urbana 3', 45_000, 100, 15, 30],
    electric: ['Tejo E-Volt', 165_000, 100, 30, 22],
    cargo: ['Tejo Carga', 290_000, 200, 35, 8],
  };
  const bikes: { id: string; type: string }[] = [];
  const bikeRows: (string | number)[][] = [];
  for (const [type, [model, cost, , , count]] of Object.entries(BIKE_TYPES)) {
    for (let n = 0; n < count; n++) {
      const id = `B${String(bikes.length + 1).padStart(3, '0')}`;
      bikes.push({ id, type });
      bikeRows.push([
        id,
        type,
        model,
        money(cost + between(-20, 20) * 500),
        day(-between(0, 90)),
        pick(stationIds),
      ]);
    }
  }
  writeCsv(
    outDir,
    'bikes',
    ['bike_id', 'bike_type', 'model_name', 'purchase_cost', 'purchased_on', 'home_station_id'],
    bikeRows,
  );

  const DISCOUNT: Record<string, number> = { casual: 1, monthly: 0.75, annual: 0.5 };
  const members: { id: string; plan: string; joined: number }[] = [];
  for (let n = 0; n < 400; n++) {
    const r = random();
    const plan = r < 0.5 ? 'casual' : r < 0.8 ? 'monthly' : 'annual';
    members.push({ id: `M${String(n + 1).padStart(4, '0')}`, plan, joined: between(-120, DAYS - 30) });
  }
  members.sort((a, b) => a.joined - b.joined || (a.id < b.id ? -1 : 1));
  writeCsv(
    outDir,
    'members',
    ['member_id', 'plan', 'signup_channel', 'joined_on'],
    members.map((m) => [m.id, m.plan, pick(['app', 'app', 'kiosk', 'partner hotel']), day(m.joined)]),
  );

  const rentalRows: (string | number)[][] = [];
  for (let d = 0; d < DAYS; d++) {
    const date = new Date(FIRST_DAY + d * 86_400_000);
    const season = 1 + 0.6 * Math.sin(((date.getUTCMonth() - 3) / 12) * 2 * Math.PI);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6 ? 1.4 : 1;
    const count = Math.round(6.5 * season * weekend * (0.6 + 0.8 * random()));
    const eligible = members.filter((m) => m.joined <= d);
    for (let k = 0; k < count && eligible.length > 0; k++) {
      const bike = pick(bikes);
      const member = pick(eligible);
      const [, , unlock, perMinute] = BIKE_TYPES[bike.type] as [string, number, number, number, number];
      const minutes = between(3, bike.type === 'cargo' ? 90 : 55);
      const cents = (unlock + perMinute * minutes) * (DISCOUNT[member.plan] ?? 1);
      const km = (minutes * (bike.type === 'electric' ? 0.28 : 0.2) * (0.7 + 0.6 * random())).toFixed(1);
      const start = pick(stationIds);
      const end = random() < 0.2 ? start : pick(stationIds);
      const id = `R${String(rentalRows.length + 1).padStart(5, '0')}`;
      rentalRows.push([
        id,
        day(d),
        between(6, 22),
        bike.id,
        member.id,
        start,
        end,
        minutes,
        km,
        money(cents),
      ]);
    }
  }
  writeCsv(
    outDir,
    'rentals',
    [
      'rental_id',
      'rental_date',
      'start_hour',
      'bike_id',
      'member_id',
      'start_station_id',
      'end_station_id',
      'ride_minutes',
      'distance_km',
      'price',
    ],
    rentalRows,
  );

  const JOBS: [string, number, number, string[]][] = [
    ['tyre', 1_800, 1_500, ['classic', 'electric', 'cargo']],
    ['brakes', 2_600, 2_500, ['classic', 'electric', 'cargo']],
    ['chain', 1_200, 1_500, ['classic', 'electric', 'cargo']],
    ['battery', 22_000, 3_000, ['electric', 'cargo']],
    ['inspection', 0, 2_000, ['classic', 'electric', 'cargo']],
  ];
  const jobRows: (string | number)[][] = [];
  for (let d = 0; d < DAYS; d += between(1, 3)) {
    const bike = pick(bikes);
    const [type, parts, labour] = pick(JOBS.filter((j) => (j[3] as string[]).includes(bike.type)));
    const id = `J${String(jobRows.length + 1).padStart(4, '0')}`;
    jobRows.push([id, day(d), bike.id, type, money(parts * (0.8 + 0.4 * random())), money(labour)]);
  }
  writeCsv(
    outDir,
    'maintenance',
    ['job_id', 'job_date', 'bike_id', 'job_type', 'parts_cost', 'labour_cost'],
    jobRows,
  );

  return { rentals: rentalRows.length, maintenanceJobs: jobRows.length, members: members.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(generateBikeRentalData(process.argv[2] ?? DATA_DIR));
}
