/**
 * `pnpm start`: the whole hub with nothing installed by hand. Without KAFKA_BROKERS every service runs in
 * this process on the embedded Postgres (or DATABASE_URL) with in-process event delivery; with it each
 * service is its own process. Loads the demo data once, prints where to look, stops on Ctrl-C / SIGTERM.
 */
import { portsOf } from './config.ts';
import { type RunningHub, startEmbeddedHub } from './embedded.ts';
import { readHubEnv } from './env.ts';
import { startProcessHub } from './processes.ts';
import { whereToLook } from './where.ts';

const started = performance.now();
const log = (line: string) => process.stdout.write(`${line}\n`);
const env = readHubEnv();
const ports = portsOf(env);
const multiProcess = env.KAFKA_BROKERS !== undefined;

log(
  `Shegong Hub: starting ${multiProcess ? `each service as its own process, events through Kafka ${env.KAFKA_BROKERS}` : 'every service in this process, events in-process'}`,
);

const starting: Promise<RunningHub> = multiProcess
  ? startProcessHub(env, ports, log)
  : startEmbeddedHub(env, ports, log);
let stopping = false;
async function shutdown(reason: string, exitCode = 0): Promise<void> {
  if (stopping) {
    log(`hub: ${reason} again, exiting now`);
    process.exit(1);
  }
  stopping = true;
  log(`hub: ${reason}, stopping`);
  // A signal during start waits for it to finish, so nothing it started is left running.
  const hub = await starting.catch(() => undefined);
  await hub?.stop();
  log('hub: stopped');
  process.exit(exitCode);
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));

let hub: RunningHub;
try {
  hub = await starting;
} catch (error) {
  process.stderr.write(`hub: could not start: ${(error as Error).message}\n`);
  process.exit(1);
}
void hub.failed?.then((error) => {
  if (!stopping) void shutdown(error.message, 1);
});
if (!stopping) {
  for (const line of whereToLook(hub.urls, hub.demo, hub.identities)) log(line);
  log(`hub: ready in ${((performance.now() - started) / 1000).toFixed(1)} s. Ctrl-C stops it.`);
}
