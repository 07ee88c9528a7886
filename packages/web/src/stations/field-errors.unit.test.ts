import { describe, expect, it } from 'vitest';
import { dryRunFieldErrors, parsePath, serverFieldErrors } from './field-errors.ts';
import { NEXT_STATUSES, nextStatuses } from './lifecycle.ts';

/** A refused call as the gateway's tRPC client raises it: an Error with the gateway's `data`. */
function refused(data: unknown, message = 'refused'): Error {
  return Object.assign(new Error(message), { data });
}

describe('placing server errors on form fields', () => {
  it('reads formatted paths back into name paths', () => {
    expect(parsePath('facilities.rooms[0]')).toEqual(['facilities', 'rooms', 0]);
    expect(parsePath('regionCode')).toEqual(['regionCode']);
    expect(parsePath('')).toEqual([]);
  });

  it("puts each zod issue on its field, numbers as list indexes, and the domain error's when no issue", () => {
    const issues = refused({
      domain: null,
      issues: [
        { path: ['idNumber'], message: 'check digit is wrong' },
        { path: ['idNumber'], message: 'check digit is wrong' },
        { path: ['vetoes', '0', 'evidence'], message: 'needs evidence' },
      ],
    });
    expect(serverFieldErrors(issues)).toEqual({
      fields: [
        { name: ['idNumber'], errors: ['check digit is wrong'] },
        { name: ['vetoes', 0, 'evidence'], errors: ['needs evidence'] },
      ],
      other: [],
    });
    const domain = refused({
      domain: {
        code: 'STATION_TRANSITION_CONFLICT',
        message: 'cannot go from planned to operating',
        path: ['to'],
      },
      issues: null,
    });
    expect(serverFieldErrors(domain).fields).toEqual([
      { name: ['to'], errors: ['cannot go from planned to operating'] },
    ]);
  });

  it('returns what names no field of the form for an alert, and a network failure as its message', () => {
    const placed = serverFieldErrors(
      refused({ domain: { code: 'X', message: 'operator unknown', path: ['operatorId'] }, issues: [] }),
      (p) => (p[0] === 'name' ? ['name'] : null),
    );
    expect(placed).toEqual({ fields: [], other: ['operator unknown'] });
    expect(serverFieldErrors(new Error('Failed to fetch'))).toEqual({
      fields: [],
      other: ['Failed to fetch'],
    });
  });

  it("places a dry run's row errors by their formatted path", () => {
    const placed = dryRunFieldErrors(
      [
        { path: 'regionCode', message: 'a township station sits in a township' },
        { path: 'facilities.officeM2', message: 'not negative' },
        { path: '', message: 'station of another county' },
      ],
      (p) => (p[0] === 'facilities' ? p.slice(0, 2) : p[0] === 'regionCode' ? ['regionCode'] : null),
    );
    expect(placed.fields).toEqual([
      { name: ['regionCode'], errors: ['a township station sits in a township'] },
      { name: ['facilities', 'officeM2'], errors: ['not negative'] },
    ]);
    expect(placed.other).toEqual(['station of another county']);
  });
});

describe("the lifecycle's next statuses", () => {
  it('offers planned → building → operating ⇄ suspended, closing from any status, nothing after closed', () => {
    expect(nextStatuses('planned')).toEqual(['building', 'closed']);
    expect(nextStatuses('building')).toEqual(['operating', 'closed']);
    expect(nextStatuses('operating')).toEqual(['suspended', 'closed']);
    expect(nextStatuses('suspended')).toEqual(['operating', 'closed']);
    expect(nextStatuses('closed')).toEqual([]);
    expect(Object.keys(NEXT_STATUSES)).toHaveLength(5);
  });
});
