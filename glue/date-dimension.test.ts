import { describe, expect, it } from 'vitest';
import { dateDimensionCsv, dateDimensionRows } from './date-dimension.ts';
import { usFederalHolidays } from './us-federal-holidays.ts';

const day = (date: string, fiscalYearStartMonth = 1) => {
  const [row] = dateDimensionRows({ from: date, to: date, fiscalYearStartMonth });
  if (!row) throw new Error(`no row for ${date}`);
  return row;
};

describe('dateDimensionRows', () => {
  it('gives calendar, ISO week and weekday attributes of known days', () => {
    expect(day('2026-03-15')).toMatchObject({
      date_key: 20260315,
      week_start_date: '2026-03-09',
      iso_week: 11,
      iso_year: 2026,
      month_name: 'March',
      month_start_date: '2026-03-01',
      year_month: '2026-03',
      quarter_number: 1,
      weekday_number: 7,
      weekday_name: 'Sunday',
      is_weekend: true,
      is_trading_day: false,
    });
    // ISO weeks across New Year: 2027-01-01 (a Friday) is in week 53 of 2026; 2024-12-30 in week 1 of 2025.
    expect(day('2027-01-01')).toMatchObject({ iso_week: 53, iso_year: 2026, year_number: 2027 });
    expect(day('2024-12-30')).toMatchObject({ iso_week: 1, iso_year: 2025, weekday_number: 1 });
  });

  it('numbers fiscal years after the year they end in, from the configured start month', () => {
    expect(day('2026-01-31', 2)).toMatchObject({ fiscal_year: 2026, fiscal_period: 12, fiscal_quarter: 4 });
    expect(day('2026-02-01', 2)).toMatchObject({ fiscal_year: 2027, fiscal_period: 1, fiscal_quarter: 1 });
    expect(day('2026-07-15', 7)).toMatchObject({ fiscal_year: 2027, fiscal_period: 1 });
    expect(day('2026-06-30', 7)).toMatchObject({ fiscal_year: 2026, fiscal_period: 12 });
    expect(day('2026-06-30', 1)).toMatchObject({ fiscal_year: 2026, fiscal_period: 6, fiscal_quarter: 2 });
  });

  it('flags federal holidays with observed days, and trading days', () => {
    expect(day('2025-11-27')).toMatchObject({
      is_holiday: true,
      holiday_name: 'Thanksgiving Day',
      is_trading_day: false,
    });
    expect(day('2026-07-03')).toMatchObject({
      holiday_name: 'Independence Day (observed)',
      is_trading_day: false,
    });
    expect(day('2026-07-04')).toMatchObject({ holiday_name: 'Independence Day', is_weekend: true });
    expect(day('2021-12-31')).toMatchObject({ holiday_name: "New Year's Day (observed)" });
    expect(day('2026-07-06')).toMatchObject({ is_holiday: false, holiday_name: null, is_trading_day: true });
  });

  it('gives one row per day with no gaps, and refuses bad arguments', () => {
    const rows = dateDimensionRows({ from: '2024-02-27', to: '2024-03-02', fiscalYearStartMonth: 1 });
    expect(rows.map((r) => r.full_date)).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2024-03-02',
    ]);
    expect(() =>
      dateDimensionRows({ from: '2024-01-01', to: '2024-01-02', fiscalYearStartMonth: 13 }),
    ).toThrow(/1 to 12/);
    expect(() =>
      dateDimensionRows({ from: '2024-02-30', to: '2024-03-02', fiscalYearStartMonth: 1 }),
    ).toThrow(/real day/);
    expect(() =>
      dateDimensionRows({ from: '2024-03-02', to: '2024-03-01', fiscalYearStartMonth: 1 }),
    ).toThrow(/before/);
  });

  it('writes a CSV with a header and empty fields for NULL', () => {
    const csv = dateDimensionCsv(
      dateDimensionRows({ from: '2026-07-06', to: '2026-07-06', fiscalYearStartMonth: 1 }),
    );
    expect(csv.split('\n')[0]).toMatch(/^date_key,full_date,/);
    expect(csv.split('\n')[1]).toBe(
      '20260706,"2026-07-06","2026-07-06",28,2026,7,"July","2026-07-01","2026-07",3,2026,2026,3,7,1,"Monday",false,false,,true',
    );
  });
});

describe('usFederalHolidays', () => {
  it('computes the 2026 days off, Monday holidays and observed dates included', () => {
    expect(usFederalHolidays(2026).map((h) => `${h.date} ${h.name}`)).toEqual([
      "2026-01-01 New Year's Day",
      '2026-01-19 Martin Luther King Jr. Day',
      "2026-02-16 Washington's Birthday",
      '2026-05-25 Memorial Day',
      '2026-06-19 Juneteenth National Independence Day',
      '2026-07-03 Independence Day (observed)',
      '2026-07-04 Independence Day',
      '2026-09-07 Labor Day',
      '2026-10-12 Columbus Day',
      '2026-11-11 Veterans Day',
      '2026-11-26 Thanksgiving Day',
      '2026-12-25 Christmas Day',
    ]);
  });

  it('moves Sunday holidays to Monday and skips Juneteenth before 2021', () => {
    const dates2022 = usFederalHolidays(2022).map((h) => h.date);
    expect(dates2022).toContain('2022-06-20');
    expect(dates2022).toContain('2022-12-26');
    expect(dates2022).toContain('2021-12-31');
    expect(usFederalHolidays(2020).some((h) => h.name.startsWith('Juneteenth'))).toBe(false);
  });
});
