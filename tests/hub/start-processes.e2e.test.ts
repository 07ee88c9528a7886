import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_SEED, expectedOperatingStations, generateDemoDataset } from '@shegong/hub';
import { createTestDatabase } from '@shegong/testkit';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePortRun, type Hub, query, startHub, stopHub } from './hub-process.ts';

/**
 * `pnpm start` with `DATABASE_URL` and `KAFKA_BROKERS` set: the same command runs every service (the
 * gateway too) as its own process on that Postgres, events through that Kafka, and loads the demo over
 * HTTP. The run's real Kafka, under a topic prefix of this spec's own.
 */
const demo = generateDemoDataset(DEMO_SEED);

describe('pnpm start with DATABASE_URL and KAFKA_BROKERS', () => {
  let hub: Hub | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'shegong-hub-procs-'));
  chmodSync(dataDir, 0o755);
  afterAll(async () => {
    if (hub && hub.child.exitCode === null)
      await stopHub(hub, 30_000).catch(() => hub?.child.kill('SIGKILL'));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs each service as its own process over Kafka, with the demo loaded and the gateway in front', {
    timeout: 300_000,
  }, async () => {
    await using database = await createTestDatabase();
    const brokers = inject('testkit:kafkaBrokers');
    expect(brokers, 'the e2e tier has a Kafka broker').toBeDefined();
    const port = await freePortRun();
    hub = await startHub(dataDir, port, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: (brokers ?? []).join(','),
      KAFKA_TOPIC_PREFIX: `e2e-${randomBytes(4).toString('hex')}.`,
    });
    const out = hub.output();
    expect(out).toContain('each service as its own process, events through Kafka');
    for (const name of ['gateway', 'registry', 'funding', 'reporting'])
      expect(out).toMatch(new RegExp(`^${name}\\s+\\| `, 'm'));

    const gateway = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await gateway.json()).toMatchObject({
      ok: true,
      services: { registry: 'ok', funding: 'ok', reporting: 'ok' },
    });
    // Reporting got the registry's events through Kafka: Zhengzhou's demo stations are in its coverage.
    const coverage = await query<{ operatingStations: number }>(
      `http://127.0.0.1:${port + 3}`,
      'rollups.coverage',
      {
        regionCode: '410100',
      },
    );
    expect(coverage.operatingStations).toBe(expectedOperatingStations(demo).get('410100'));

    expect(await stopHub(hub, 30_000)).toBe(0);
    expect(hub.output()).toMatch(/^reporting\s+\| reporting: SIGTERM/m);
  });
});
