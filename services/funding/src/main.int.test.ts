import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, kafkaClient } from '@shegong/testkit';
import { describe, expect, inject, it } from 'vitest';
import { contractInput } from './testing/harness.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Starts `node src/main.ts` and resolves with its URL once it says it is listening. */
async function startProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`main.ts did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+?)(,|\s|$)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace('0.0.0.0', '127.0.0.1'));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`main.ts exited with ${code}:\n${output}`));
    });
  });
  return { child, url, output: () => output };
}

describe('the standalone funding process', () => {
  it('migrates, serves, relays a signed contract to Kafka and stops cleanly on SIGTERM', async () => {
    await using database = await createTestDatabase();
    const brokers = inject('testkit:kafkaBrokers');
    expect(brokers, 'the int project provides Kafka').toBeDefined();
    const prefix = `test-${randomBytes(6).toString('hex')}-`;
    const topic = `${prefix}shegong.funding`;
    const kafka = kafkaClient(brokers ?? []);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    const consumer = kafka.consumer({ groupId: `${prefix}reader` });
    const { child, url } = await startProcess({
      DATABASE_URL: database.url,
      KAFKA_BROKERS: (brokers ?? []).join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      PORT: '0',
    });
    try {
      expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ service: 'funding', ok: true });
      const signed = await fetch(`${url}/trpc/contracts.sign`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(contractInput({ id: 'C-main' })),
      });
      expect(signed.status).toBe(200);

      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = new Promise<{ key: string; value: string }>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) =>
            resolve({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' }),
        });
      });
      const message = await received;
      expect(message.key).toBe('contract:C-main');
      expect(JSON.parse(message.value)).toMatchObject({
        type: 'contract.signed.v1',
        source: 'funding',
        data: { contractId: 'C-main', countyCode: '410105', amountFen: 60_000_000 },
      });
    } finally {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      await consumer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => {});
      await admin.disconnect();
    }
  });
});
