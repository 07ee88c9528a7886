import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, fullYears, periodEnd } from './calendar.ts';

describe('periods [民法典 art. 201, 202]', () => {
  it('counts days from the day after the event', () => {
    expect(periodEnd('2021-01-19', 30, 'day')).toBe('2021-02-18');
    expect(daysBetween('2021-01-19', '2021-02-18')).toBe(30);
  });
  it('ends a month or year period on the corresponding day', () => {
    expect(periodEnd('2021-03-01', 2, 'year')).toBe('2023-03-01');
    expect(addMonths('2021-01-15', 1)).toBe('2021-02-15');
  });
  it("uses the month's last day when the corresponding day does not exist", () => {
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addMonths('2021-12-31', -1)).toBe('2021-11-30');
  });
  it('crosses year ends', () => {
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addMonths('2021-11-30', 3)).toBe('2022-02-28');
  });
});

describe('fullYears (周岁)', () => {
  it('turns over on the birthday, not the day before', () => {
    expect(fullYears('1980-06-15', '2025-06-14')).toBe(44);
    expect(fullYears('1980-06-15', '2025-06-15')).toBe(45);
    expect(fullYears('1980-06-15', '2026-06-14')).toBe(45);
  });
  it('handles 29 February birthdays', () => {
    expect(fullYears('2000-02-29', '2021-02-28')).toBe(20);
    expect(fullYears('2000-02-29', '2021-03-01')).toBe(21);
    expect(fullYears('2000-02-29', '2024-02-29')).toBe(24);
  });
  it('never decreases as time passes (property)', () => {
    const day = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1950-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 1, max: 400 }),
        (birth, a, step) => {
          const on = addDays(birth, a);
          expect(fullYears(birth, addDays(on, step))).toBeGreaterThanOrEqual(fullYears(birth, on));
          // A period ends on 28 Feb when the year has no 29th [art. 202], but a 29 Feb birthday is only
          // reached on 1 Mar: on that 28 Feb the person is still 44.
          const anniversary = addYears(birth, 45);
          const leapless = birth.endsWith('-02-29') && anniversary.endsWith('-02-28');
          expect(fullYears(birth, anniversary)).toBe(leapless ? 44 : 45);
        },
      ),
    );
  });
});
