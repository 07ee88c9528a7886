import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBrokers } from './env.ts';
import { runInfraScript, runInfraScriptSync } from './infra-script.ts';
import { waitForKafka } from './kafka-client.ts';

/** A broker that one spec owns and may take down: for outage tests, where the run's shared broker must stay up. */
export interface OwnKafka extends AsyncDisposable {
  readonly brokers: readonly string[];
  /** Stops the broker process, keeping its data and ports: clients see a real outage. */
  pause(): Promise<void>;
  /** Starts it again on the same ports with the same data, and waits until it answers. */
  resume(): Promise<void>;
}

/**
 * Starts a single-node KRaft broker of its own through `infra/kafka/kafka.sh` (local process, its own run
 * dir), for a test that stops and restarts Kafka in the middle of a run. It needs Java and Maven like the
 * shared local broker; on a machine with only Docker, such tests should be skipped by their spec.
 *
 * @example
 * ```ts
 * await using kafka = await startOwnKafka();
 * await kafka.pause();   // producers and consumers now fail to reach it
 * await kafka.resume();  // same address, same topics and offsets
 * ```
 */
export async function startOwnKafka(): Promise<OwnKafka> {
  const runDir = mkdtempSync(join(tmpdir(), 'shegong-own-kafka-'));
  const env = { KAFKA_RUN_DIR: runDir };
  const line = await runInfraScript('kafka/kafka.sh', 'start', env, 'KAFKA_BROKERS');
  const brokers = parseBrokers(line ?? '');
  await waitForKafka(brokers);
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    runInfraScriptSync('kafka/kafka.sh', 'stop', env);
    rmSync(runDir, { recursive: true, force: true });
  };
  // A spec that crashes before disposing must not leave a JVM behind.
  process.once('exit', stopSync);
  return {
    brokers,
    async pause() {
      await runInfraScript('kafka/kafka.sh', 'pause', env);
    },
    async resume() {
      await runInfraScript('kafka/kafka.sh', 'resume', env, 'KAFKA_BROKERS');
      await waitForKafka(brokers);
    },
    async [Symbol.asyncDispose]() {
      process.off('exit', stopSync);
      if (stopped) return;
      await runInfraScript('kafka/kafka.sh', 'stop', env);
      stopped = true;
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}
