import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeEvent, encodeEvent } from './codec.ts';
import { type HubEventInput, HubEventSchema, TOPIC_OF } from './contracts.ts';

const opened = {
  id: randomUUID(),
  occurredAt: '2023-03-01T08:00:00+08:00',
  source: 'registry',
  key: 'station:zz-jsy',
  type: 'station.status-changed.v1',
  data: { stationId: 'zz-jsy', from: 'building', to: 'operating', on: '2023-03-01' },
} as const;

describe('event contracts', () => {
  it('round-trips an event through the codec', () => {
    expect(decodeEvent(encodeEvent(opened))).toEqual(opened);
  });

  it('rejects an unknown type and names the event', () => {
    expect(() => decodeEvent({ ...opened, type: 'station.exploded.v1' })).toThrow(new RegExp(opened.id));
  });

  it('rejects a bad payload field', () => {
    const bad = { ...opened, data: { ...opened.data, to: 'flying' } };
    expect(HubEventSchema.safeParse(bad).success).toBe(false);
    expect(() => decodeEvent(JSON.stringify(bad))).toThrow(/data\.to/);
  });

  it('puts every event type on a topic, station events together so their order holds', () => {
    expect(TOPIC_OF['station.registered.v1']).toBe(TOPIC_OF['worker.upserted.v1']);
    expect(TOPIC_OF['contract.signed.v1']).toBe('shegong.funding');
    expect(TOPIC_OF['report.approved.v1']).toBe('shegong.reports');
  });

  it('reads a report event and refuses a return without a reason', () => {
    const returned = {
      id: randomUUID(),
      occurredAt: '2023-04-12T10:00:00+08:00',
      source: 'reporting',
      key: 'report:rp-1',
      type: 'report.returned.v1',
      data: {
        reportId: 'rp-1',
        definitionId: 'county-quarterly-report',
        definitionVersion: '1',
        unitRegionCode: '410105',
        periodKey: '2023-Q1',
        periodStart: '2023-01-01',
        periodEnd: '2023-03-31',
        returnedOn: '2023-04-12',
        reason: '服务人次与台账不符',
      },
    } as const;
    expect(decodeEvent(encodeEvent(returned))).toEqual(returned);
    expect(HubEventSchema.safeParse({ ...returned, data: { ...returned.data, reason: '' } }).success).toBe(
      false,
    );
  });

  it('carries a renewal decision with its ineligibility period on the evaluations topic', () => {
    const period = {
      operatorId: 'op-1',
      decidedOn: '2024-03-20',
      from: '2024-03-21',
      to: '2025-03-20',
      citation: 'ZZ §6.4',
      basis: 'default',
      evaluationId: 'ev-1',
      contractId: 'C-1',
    } as const;
    const decided: HubEventInput = {
      id: randomUUID(),
      occurredAt: '2024-03-25T10:00:00+08:00',
      source: 'reporting',
      key: 'contract:C-1',
      type: 'renewal.decided.v1',
      data: {
        renewalId: 'C-1-y1',
        contractId: 'C-1',
        operatorId: 'op-1',
        countyCode: '410105',
        year: 1,
        decision: 're-procure',
        discretionary: false,
        citation: 'ZZ §5.3',
        decidedOn: '2024-03-25',
        evidence: ['ev-1'],
        consequences: [{ kind: 'ineligibility', citation: 'ZZ §6.4' }],
        ineligibility: period,
      },
    };
    expect(decodeEvent(encodeEvent(decided))).toEqual(decided);
    expect(TOPIC_OF['renewal.decided.v1']).toBe('shegong.evaluations');
    expect(TOPIC_OF['evaluation.recorded.v1']).toBe('shegong.evaluations');
    const noCitation = { ...decided, data: { ...decided.data, ineligibility: { ...period, citation: '' } } };
    expect(() => decodeEvent(JSON.stringify(noCitation))).toThrow(/ineligibility\.citation/);
  });
});
