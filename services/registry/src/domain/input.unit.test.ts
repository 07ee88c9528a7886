import { batchOf, OperatorInputSchema, StationInputSchema, WorkerInputSchema } from '@shegong/contracts';
import { DomainError } from '@shegong/kernel';
import { describe, expect, it } from 'vitest';
import { parseInput } from './input.ts';

const station = { id: 'st-1', name: '经八路街道社工站', regionCode: '410105001', type: 'township-station' };
const worker = {
  id: 'w-1',
  stationId: 'st-1',
  appointedOn: '2021-03-01',
  education: 'bachelor',
  idNumber: '410105199105101233',
};

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('station input', () => {
  it('accepts the 12-digit spelling of a township and normalises it', () => {
    expect(StationInputSchema.parse({ ...station, regionCode: '410105001000' }).regionCode).toBe('410105001');
  });

  it('names regionCode for an unknown code and communityName for a room without it', () => {
    const error = errorOf(() => parseInput(StationInputSchema, { ...station, regionCode: '410105999' }));
    expect(error.code).toBe('REGISTRY_INPUT_INVALID');
    expect(error.path).toEqual(['regionCode']);
    expect(error.message).toBe('regionCode: no region has the code "410105999"');
    const room = errorOf(() => parseInput(StationInputSchema, { ...station, type: 'community-room' }));
    expect(room.path).toEqual(['communityName']);
  });

  it('names the row of a batch', () => {
    const items = [station, { ...station, id: 'st-2' }, { ...station, id: 'st-3', regionCode: '410105999' }];
    const error = errorOf(() => parseInput(batchOf(StationInputSchema), { items }));
    expect(error.path).toEqual(['items', 2, 'regionCode']);
    expect(error.message).toMatch(/^items\[2\]\.regionCode: /);
  });
});

describe('operator input', () => {
  it('names unifiedSocialCreditCode when its check character is wrong', () => {
    const error = errorOf(() =>
      parseInput(OperatorInputSchema, {
        id: 'op-1',
        name: '和谐社工',
        unifiedSocialCreditCode: '52410105MJ0000001Q',
        businessScopeIncludesSocialWork: true,
        origin: 'local',
      }),
    );
    expect(error.path).toEqual(['unifiedSocialCreditCode']);
    expect(error.message).toContain('check character should be P');
  });
});

describe('worker input', () => {
  it('takes the birth date from the ID number when none is given', () => {
    const parsed = WorkerInputSchema.parse(worker);
    expect(parsed.birthDate).toBeUndefined(); // filled in by upsertWorker from the ID number
    expect(parsed.role).toBe('resident');
  });

  it('refuses a birth date that disagrees with the ID number, naming both fields', () => {
    const error = errorOf(() => parseInput(WorkerInputSchema, { ...worker, birthDate: '1991-05-11' }));
    expect(error.path).toEqual(['birthDate']);
    expect(error.message).toBe(
      'birthDate: birthDate 1991-05-11 does not match the birth date in idNumber (1991-05-10)',
    );
  });

  it('names idNumber for a wrong check digit, without echoing it', () => {
    const error = errorOf(() => parseInput(WorkerInputSchema, { ...worker, idNumber: '410105199105101234' }));
    expect(error.path).toEqual(['idNumber']);
    expect(error.message).toContain('should be 3');
    expect(JSON.stringify(error.toJSON())).not.toContain('410105199105101234');
  });
});
