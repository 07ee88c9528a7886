import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GatewayService, NewUser } from '@shegong/gateway-service';

/** The demo's sign-in password: a demo, on loopback only. Real users get their own. */
export const DEMO_PASSWORD = 'shegong-demo-2026';

/** One person per level of the hierarchy, plus the ministry's cross-province view and an operator. */
export const DEMO_USERS: ReadonlyArray<Omit<NewUser, 'password'> & { what: string }> = [
  {
    username: 'henan',
    displayName: '河南省民政厅',
    role: 'province',
    regionCode: '410000',
    grants: { pii: true },
    what: 'Henan province, may read ID numbers (PII grant)',
  },
  {
    username: 'ministry',
    displayName: '民政部（三省）',
    role: 'province',
    regionCode: '410000',
    grants: { crossProvince: ['420000', '130000'] },
    what: 'Henan + Hubei + Hebei, read-only across provinces',
  },
  {
    username: 'zhengzhou',
    displayName: '郑州市民政局',
    role: 'city',
    regionCode: '410100',
    what: 'Zhengzhou city',
  },
  { username: 'wuhan', displayName: '武汉市民政局', role: 'city', regionCode: '420100', what: 'Wuhan city' },
  {
    username: 'jinshui',
    displayName: '金水区民政局',
    role: 'county',
    regionCode: '410105',
    what: '金水区 county',
  },
];

/** City systems with API keys, for the REST API and the city-integration example. */
export const DEMO_CLIENTS = [
  { id: 'zz-system', name: '郑州市社工站管理系统', regionCode: '410100' },
  { id: 'wh-system', name: '武汉市社工站管理系统', regionCode: '420100' },
] as const;

export interface DemoIdentities {
  users: Array<{ username: string; password: string; what: string }>;
  /** Keys are shown once by the gateway; the demo keeps them in the data folder (mode 600) to print again. */
  apiKeys: Array<{ id: string; name: string; regionCode: string; key: string }>;
}

/**
 * The demo's users and API clients, created on the first start. The keys file lives beside the embedded
 * Postgres data: it is what lets `pnpm start` print the same keys on every start.
 */
export async function ensureDemoIdentities(
  gateway: GatewayService,
  dataDir: string,
): Promise<DemoIdentities> {
  const file = join(resolve(dataDir), 'demo-api-keys.json');
  const users = DEMO_USERS.map((u) => ({
    username: u.username as string,
    password: DEMO_PASSWORD,
    what: u.what,
  }));
  if (existsSync(file)) return { users, apiKeys: JSON.parse(readFileSync(file, 'utf8')) };
  for (const { what: _what, ...user } of DEMO_USERS) {
    try {
      await gateway.createUser({ ...user, password: DEMO_PASSWORD });
    } catch (error) {
      // Created by an earlier start whose keys file was removed: keep the user.
      if ((error as { code?: string }).code !== 'USER_CONFLICT') throw error;
    }
  }
  const apiKeys: DemoIdentities['apiKeys'] = [];
  for (const client of DEMO_CLIENTS) {
    const { key } = await gateway.createApiClient({
      ...client,
      id: `${client.id}-${Date.now().toString(36)}`,
    });
    apiKeys.push({ ...client, key });
  }
  writeFileSync(file, `${JSON.stringify(apiKeys, null, 2)}\n`, { mode: 0o600 });
  return { users, apiKeys };
}
