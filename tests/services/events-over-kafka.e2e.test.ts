import { residentIdCheckCharacter } from '@shegong/identifiers';
import { parentChain, townshipsOf } from '@shegong/regions';
import { readCoverage, stationCompliance } from '@shegong/reporting-service';
import { type OwnKafka, startOwnKafka } from '@shegong/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  committedOffsets,
  coverageRollup,
  coverageTruth,
  eventually,
  type HubOverKafka,
  inboxCount,
  outboxCounts,
  rewindCommittedOffsets,
  startHubOverKafka,
} from './hub-over-kafka.ts';

/**
 * The registry and reporting as separate services exchanging events over a real Kafka broker (one this
 * file owns, so it can stop it): what reaches reporting, what survives a broker outage and a killed
 * consumer, and that the incrementally kept rollups equal the ground truth recomputed from the registry.
 */

let kafka: OwnKafka;
beforeAll(async () => {
  kafka = await startOwnKafka();
}, 120_000);
afterAll(async () => {
  await kafka?.[Symbol.asyncDispose]();
});

const pathOf = (code: string) => parentChain(code).map((r) => r.code);

function idNumber(birth: string, sequence: string): string {
  const body = `410105${birth}${sequence}`;
  return body + residentIdCheckCharacter(body);
}

/** A Zhengzhou worker who meets every staffing rule of the ZZ profile for a project started 2024-01-01. */
function qualifiedWorker(id: string, stationId: string, sequence: string, role: 'lead' | 'resident') {
  return {
    id,
    stationId,
    role,
    name: role === 'lead' ? '王静' : '李敏',
    appointedOn: '2024-01-10',
    education: 'bachelor' as const,
    socialWorkMajor: true,
    graduatedOn: '2013-07-01',
    idNumber: idNumber('19910510', sequence),
    trainings: [
      {
        date: '2024-01-05',
        hours: 16,
        kind: 'pre-job' as const,
        provider: { kind: 'civil-affairs' as const, level: 'county' as const },
        passed: true,
      },
      ...['2024', '2025', '2026'].map((year) => ({
        date: `${year}-06-15`,
        hours: 64,
        kind: 'continuing' as const,
        provider: { kind: 'industry-organization' as const },
      })),
    ],
  };
}

async function openStation(hub: HubOverKafka, id: string, regionCode: string, on = '2024-01-01') {
  await hub.registryCaller.stations.upsert({
    id,
    name: `${id} 社工站`,
    regionCode,
    type: 'township-station',
    projectStartOn: on,
  });
  await hub.registryCaller.stations.changeStatus({ stationId: id, to: 'building', on });
  await hub.registryCaller.stations.changeStatus({ stationId: id, to: 'operating', on });
}

/** Waits until reporting has applied every event the registry wrote, and published. */
async function settled(hub: HubOverKafka, timeoutMs = 90_000): Promise<number> {
  return eventually(async () => {
    const outbox = await outboxCounts(hub.registryDb);
    expect(outbox.published).toBe(outbox.total);
    expect(await inboxCount(hub.reportingDb)).toBe(outbox.total);
    return outbox.total;
  }, timeoutMs);
}

describe('registry → Kafka → reporting', () => {
  it('an opened station appears in the coverage rollup at every level; a lead losing the qualification flips compliance', async () => {
    await using hub = await startHubOverKafka(kafka.brokers);
    await hub.consumeInProcess();

    await openStation(hub, 'st-jsy', '410105001');
    await hub.registryCaller.workers.upsertMany({
      items: [
        qualifiedWorker('w-lead', 'st-jsy', '021', 'lead'),
        qualifiedWorker('w-res', 'st-jsy', '042', 'resident'),
      ],
    });
    await hub.registryCaller.supervisors.upsert({
      id: 'sv-1',
      stationId: 'st-jsy',
      assignedOn: '2024-01-10',
      agreementSignedOn: '2024-01-10',
      fromSelectedPool: true,
    });
    await settled(hub);

    for (const code of ['410105001', '410105', '410100', '410000']) {
      const coverage = await readCoverage(hub.reportingDb, code);
      expect(coverage.operatingStations, code).toBe(1);
      expect(coverage.coveredTownships, code).toBe(1);
    }
    const before = await stationCompliance(hub.reportingDb, 'st-jsy');
    expect(before.profile).toBe('ZZ');
    expect(before.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(before.compliant).toBe(true);

    // The lead's social work degree was recorded by mistake: without it the lead is unqualified, past
    // the 2-year phase-in too [ZZ §4.4].
    await hub.registryCaller.workers.upsert({
      ...qualifiedWorker('w-lead', 'st-jsy', '021', 'lead'),
      socialWorkMajor: false,
    });
    await settled(hub);
    const after = await stationCompliance(hub.reportingDb, 'st-jsy');
    expect(after.compliant).toBe(false);
    const errors = after.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.ruleId)).toContain('staffing.lead-qualified');
    expect(errors.every((f) => f.citation.length > 0)).toBe(true);
  });

  it('keeps writing while Kafka is down; after it restarts every event arrives once and coverage equals the ground truth', async () => {
    await using hub = await startHubOverKafka(kafka.brokers);
    await hub.consumeInProcess();
    const townships = ['410105001', '410105002', '410105003', '410105004', '410105005', '410105006'];

    await openStation(hub, 'st-0', townships[0] as string);
    await settled(hub);

    await kafka.pause();
    // Writes during the outage succeed: they land in the registry's outbox in the same transaction.
    for (const [i, code] of townships.slice(1).entries()) await openStation(hub, `st-${i + 1}`, code);
    await hub.registryCaller.stations.changeStatus({ stationId: 'st-0', to: 'suspended', on: '2024-06-01' });
    await eventually(async () => expect(hub.relayErrors.length).toBeGreaterThan(0), 30_000);
    const waiting = await outboxCounts(hub.registryDb);
    expect(waiting.total - waiting.published).toBe(5 * 3 + 1);

    await kafka.resume();
    const events = await settled(hub, 120_000);
    expect(events).toBe(6 * 3 + 1);

    const truth = await coverageTruth(hub.registryDb, pathOf);
    expect(await coverageRollup(hub.reportingDb)).toEqual(truth);
    expect(truth.get('410105')).toBe(5);
    const county = await readCoverage(hub.reportingDb, '410105');
    expect(county.coveredTownships).toBe(5);
  }, 240_000);

  it('a reporting process killed mid-batch resumes where it was; nothing is lost or counted twice', async () => {
    await using hub = await startHubOverKafka(kafka.brokers);
    // 40 townships of four Zhengzhou districts, opened, every fourth suspended again: 130 events on 3 partitions.
    const townships = ['410102', '410103', '410104', '410105'].flatMap((county) =>
      townshipsOf(county)
        .slice(0, 10)
        .map((t) => t.code),
    );
    for (const [i, code] of townships.entries()) await openStation(hub, `st-${i}`, code);
    for (let i = 0; i < townships.length; i += 4)
      await hub.registryCaller.stations.changeStatus({
        stationId: `st-${i}`,
        to: 'suspended',
        on: '2024-09-01',
      });
    await eventually(async () => {
      const outbox = await outboxCounts(hub.registryDb);
      expect(outbox.published).toBe(outbox.total);
    });

    const first = hub.spawnReporting();
    // Kill it hard as soon as it has applied part of the stream, before it could commit its offsets.
    await eventually(async () => expect(await inboxCount(hub.reportingDb)).toBeGreaterThan(10), 60_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const appliedBeforeKill = await inboxCount(hub.reportingDb);
    expect(appliedBeforeKill).toBeGreaterThan(10);
    // Mid-batch, it had applied more events than it had committed offsets for, so the restarted consumer
    // gets some of them again and the inbox must skip them. On a busy machine the kill can land between two
    // commits: then rewind the group, so the restart is handed every applied event again all the same.
    let committed = await committedOffsets(hub);
    if (committed >= appliedBeforeKill) {
      await rewindCommittedOffsets(hub);
      committed = await committedOffsets(hub);
    }
    expect(committed).toBeLessThan(appliedBeforeKill);

    hub.spawnReporting();
    const events = await settled(hub, 120_000);
    expect(events).toBe(40 * 3 + 10);
    const truth = await coverageTruth(hub.registryDb, pathOf);
    expect(await coverageRollup(hub.reportingDb)).toEqual(truth);
    expect(truth.get('410100')).toBe(30);
  }, 240_000);
});
