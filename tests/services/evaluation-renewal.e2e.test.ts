import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type HubEvent, HubEventSchema, TOPICS } from '@shegong/events';
import type { FundingRouter } from '@shegong/funding-service';
import { consumeEvents, KafkaPublisher } from '@shegong/messaging';
import {
  connectReportingDatabase,
  createReportingService,
  migrateReporting,
} from '@shegong/reporting-service';
import { createTestDatabase, kafkaClient } from '@shegong/testkit';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { type Consumer, Kafka, logLevel, Partitioners } from 'kafkajs';
import { describe, expect, inject, it } from 'vitest';
import { eventually } from './hub-over-kafka.ts';

/**
 * A failing annual evaluation recorded in reporting → the contract year's renewal decided there →
 * `renewal.decided.v1` over a real Kafka broker → the real funding process (`services/funding/src/main.ts`)
 * stores the operator's ineligibility period through its inbox → funding refuses a new contract for that
 * operator inside the period [ZZ §5.3, §6.4]. Real Postgres, one database; each service on its schema.
 */

const FUNDING_MAIN = fileURLToPath(new URL('../../services/funding/src/main.ts', import.meta.url));

/** The real funding process on a free port; resolves with its URL once it consumes. */
async function spawnFunding(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', FUNDING_MAIN], {
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.resume();
  const lines: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    let listening: string | undefined;
    const timer = setTimeout(() => reject(new Error(`funding did not start:\n${lines.join('\n')}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`funding exited (${code}):\n${lines.join('\n')}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      lines.push(line);
      listening ??= /listening on (http:\/\/\S+?),/.exec(line)?.[1];
      if (listening && line.includes('funding: consuming')) {
        clearTimeout(timer);
        resolve(listening);
      }
    });
  });
  return { child, url };
}

/** The events of a staffed Zhengzhou station, as the registry would publish them. */
function stationEvents(stationId: string): HubEvent[] {
  const event = (type: string, data: unknown, on = '2024-01-05'): HubEvent =>
    HubEventSchema.parse({
      id: randomUUID(),
      occurredAt: `${on}T09:00:00+08:00`,
      source: 'registry',
      key: `station:${stationId}`,
      type,
      data,
    });
  return [
    event('station.registered.v1', {
      stationId,
      regionCode: '410105001',
      name: `${stationId} 社工站`,
      stationType: 'township-station',
      status: 'planned',
      projectStartOn: '2024-01-01',
    }),
    event('station.status-changed.v1', { stationId, from: 'planned', to: 'operating', on: '2024-01-05' }),
  ];
}

describe('evaluation → renewal → funding eligibility, over Kafka', () => {
  it('a failing annual evaluation makes the operator ineligible; funding refuses its new contract in the period and writes nothing', async () => {
    const brokers = inject('testkit:kafkaBrokers');
    if (!brokers) throw new Error('no Kafka brokers from the testkit global setup');
    await using database = await createTestDatabase();
    const prefix = `e2e-${randomBytes(4).toString('hex')}.`;
    const topics = TOPICS.map((t) => `${prefix}${t}`);
    const admin = kafkaClient(brokers).admin();
    await admin.connect();
    await admin.createTopics({
      topics: topics.map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })),
      waitForLeaders: true,
    });
    await admin.disconnect();

    const kafka = new Kafka({ clientId: 'e2e-reporting', brokers: [...brokers], logLevel: logLevel.NOTHING });
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    const reportingDb = connectReportingDatabase(database.url, { maxConnections: 4 });
    await migrateReporting(reportingDb);
    const reporting = createReportingService({
      db: reportingDb,
      publisher: new KafkaPublisher(producer, { topicPrefix: prefix }),
      today: () => '2025-03-25',
    });
    reporting.start();
    let consumer: Consumer | undefined;
    let funding: ChildProcess | undefined;
    try {
      // Reporting consumes funding's contract.signed.v1 (and every other topic) as its main.ts does.
      consumer = await consumeEvents(kafka, {
        groupId: `${prefix}reporting`,
        topics,
        handle: reporting.handleEvent,
      });
      const started = await spawnFunding({
        DATABASE_URL: database.url,
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_PREFIX: prefix,
      });
      funding = started.child;
      const client = createTRPCClient<FundingRouter>({ links: [httpLink({ url: `${started.url}/trpc` })] });
      for (const event of stationEvents('st-e2e')) await reporting.handleEvent(event);

      const contract = {
        countyCode: '410105',
        operatorId: 'op-e2e',
        stationIds: ['st-e2e'],
        cycleYears: 3,
        amountFen: 60_000_000,
      };
      await client.contracts.sign.mutate({
        ...contract,
        id: 'C-2024',
        awardNoticeDate: '2024-03-01',
        signedOn: '2024-03-20',
        termStart: '2024-04-01',
        termEnd: '2027-03-31',
        yearlyTerms: [{ year: 1, signedOn: '2024-03-20' }],
      });
      const caller = reporting.router.createCaller({ db: reportingDb, today: () => '2025-03-25' });
      // Funding → Kafka → reporting: the contract arrives in reporting's read model.
      await eventually(async () => {
        const row = await reportingDb
          .selectFrom('contracts')
          .select('operator_id')
          .where('id', '=', 'C-2024')
          .executeTakeFirst();
        expect(row?.operator_id).toBe('op-e2e');
      });

      // The county's annual evaluation: funds misused (一票否决) → fail whatever the score.
      const evaluation = await caller.evaluations.record({
        id: 'ev-annual',
        stationId: 'st-e2e',
        kind: 'annual',
        conductedBy: 'county',
        evaluatorName: '第三方评估机构',
        period: { from: '2024-04-01', to: '2025-03-31' },
        decidedOn: '2025-03-20',
        vetoes: [{ id: 'veto.funds-misused', evidence: ['审计报告 2025-03'] }],
      });
      expect(evaluation).toMatchObject({ contractId: 'C-2024', operatorId: 'op-e2e', grade: 'fail' });
      const renewal = await caller.renewals.decide({ contractId: 'C-2024', year: 1 });
      expect(renewal).toMatchObject({
        decision: 're-procure',
        ineligibility: { from: '2025-03-21', to: '2026-03-20', citation: 'ZZ §6.4' },
      });

      // Reporting → Kafka → funding's inbox.
      const eligibility = await eventually(async () => {
        const e = await client.eligibility.get.query({ operatorId: 'op-e2e', asOf: '2025-06-01' });
        expect(e.eligible).toBe(false);
        return e;
      });
      expect(eligibility.blocking).toEqual([
        expect.objectContaining({ from: '2025-03-21', to: '2026-03-20', evaluationId: 'ev-annual' }),
      ]);

      const attempt = client.contracts.sign.mutate({
        ...contract,
        id: 'C-2025',
        awardNoticeDate: '2025-06-01',
        signedOn: '2025-06-10',
        termStart: '2025-07-01',
        termEnd: '2028-06-30',
      });
      const error = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCClientError);
      const data = (error as TRPCClientError<FundingRouter>).data as {
        domain?: { code?: string; path?: unknown };
      };
      expect(data.domain).toMatchObject({ code: 'OPERATOR_INELIGIBLE' });
      expect((error as Error).message).toMatch(/op-e2e.*2025-03-21 to 2026-03-20 \[ZZ §6\.4\]/);
      await expect(client.contracts.get.query({ id: 'C-2025' })).rejects.toThrow(/no contract/);
      const list = await client.contracts.list.query({ countyCode: '410105' });
      expect(list.items.map((c) => c.id)).toEqual(['C-2024']);
    } finally {
      if (funding && funding.exitCode === null) {
        const exited = new Promise((resolve) => funding?.once('exit', resolve));
        funding.kill('SIGTERM');
        await exited;
      }
      await consumer?.disconnect().catch(() => {});
      await reporting.stop();
      await producer.disconnect().catch(() => {});
      await reportingDb.destroy();
    }
  }, 180_000);
});
