/**
 * A console in a real browser for the specs beside this file: the hub started in this process as
 * `pnpm start` starts it (the app server building and serving the consoles, proxying /trpc to the
 * gateway) on a database of the spec's own with the demo data, and Debian's chromium driven by
 * playwright-core. Not a spec.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, portsOf, type RunningHub, readHubEnv, startEmbeddedHub } from '@shegong/hub';
import { createHubTrpcClient } from '@shegong/sdk';
import { createTestDatabase } from '@shegong/testkit';
import { type Browser, chromium, type Page } from 'playwright-core';
import { freePortRun } from '../hub/hub-process.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('../e2e/screenshots/', import.meta.url));

export interface ConsoleHub extends AsyncDisposable {
  hub: RunningHub;
  browser: Browser;
  page: Page;
  /** `<app server>/<console>`, e.g. `http://127.0.0.1:24104/county`. */
  consoleUrl: string;
  /** What the hub logged while starting. */
  log: string[];
  /** Saves a full-page screenshot as tests/e2e/screenshots/<console>-<name>.png. */
  shot(name: string): Promise<unknown>;
  /** Signs in on the console's sign-in page with a demo user. */
  signIn(username: string): Promise<void>;
  /** A tRPC client of the gateway signed in as a demo user: what the screens must agree with. */
  gatewayAs(username: string): Promise<ReturnType<typeof createHubTrpcClient>>;
}

export async function startConsoleHub(name: 'county' | 'city' | 'province'): Promise<ConsoleHub> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), `shegong-${name}-e2e-`));
  chmodSync(dataDir, 0o755);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const log: string[] = [];
  const env = readHubEnv({
    DATABASE_URL: database.url,
    HUB_DATA_DIR: dataDir,
    HUB_PORT: String(await freePortRun()),
    HUB_DEMO: '1',
  });
  const hub = await startEmbeddedHub(env, portsOf(env), (line) => log.push(line));
  const consoleUrl = `${hub.urls.consoles}/${name}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  return {
    hub,
    browser,
    page,
    consoleUrl,
    log,
    shot: (shotName) =>
      page.screenshot({ path: join(SCREENSHOTS, `${name}-${shotName}.png`), fullPage: true }),
    async signIn(username) {
      await page.goto(`${consoleUrl}/`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
    },
    async gatewayAs(username) {
      const { token } = await createHubTrpcClient(hub.urls.gateway).auth.signIn.mutate({
        username,
        password: DEMO_PASSWORD,
      });
      return createHubTrpcClient(hub.urls.gateway, { token });
    },
    async [Symbol.asyncDispose]() {
      await browser.close();
      await hub.stop();
      await database[Symbol.asyncDispose]();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
