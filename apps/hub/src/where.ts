import type { HubPorts } from './config.ts';
import { DEMO_VIOLATIONS, type DemoDataset, type DemoViolation, demoSubjectId } from './demo/dataset.ts';
import type { DemoIdentities } from './identities.ts';

type Urls = { [S in keyof HubPorts]: string };

/**
 * A tRPC v11 query as a shell command: `GET <service>/trpc/<procedure>?input=<JSON>`, the JSON
 * url-encoded by curl (`-G --data-urlencode`).
 * @example curlQuery('http://127.0.0.1:4102', 'rollups.coverage', { regionCode: '410100' })
 * // curl -sG http://127.0.0.1:4102/trpc/rollups.coverage --data-urlencode 'input={"regionCode":"410100"}'
 */
export function curlQuery(serviceUrl: string, procedure: string, input: unknown): string {
  return `curl -sG ${serviceUrl}/trpc/${procedure} --data-urlencode 'input=${JSON.stringify(input)}'`;
}

/** The view where a planted violation shows, as service, procedure and input. */
export function viewOf(violation: DemoViolation): {
  service: Exclude<keyof HubPorts, 'gateway' | 'consoles'>;
  procedure: string;
  input: Record<string, string>;
} {
  const id = demoSubjectId(violation);
  switch (violation.subject) {
    case 'station':
      return { service: 'reporting', procedure: 'compliance.station', input: { stationId: id } };
    case 'contract':
      return { service: 'funding', procedure: 'contracts.get', input: { id } };
    case 'budget':
      return { service: 'funding', procedure: 'budgets.get', input: { id } };
    case 'operator':
      return { service: 'registry', procedure: 'operators.get', input: { id } };
  }
}

/** What `pnpm start` prints once the hub is up: the gateway, the demo sign-ins, concrete calls to try. */
export function whereToLook(
  urls: Urls,
  data: DemoDataset | null,
  identities: DemoIdentities | null,
): string[] {
  const { gateway, registry, funding, reporting, consoles } = urls;
  const lines = [''];
  if (consoles)
    lines.push(
      `County console (front end, in a browser):   ${consoles}/county/${identities ? '     sign in as jinshui (金水区)' : ''}`,
      `City console (front end, in a browser):     ${consoles}/city/${identities ? '       sign in as zhengzhou (郑州市) or wuhan (武汉市)' : ''}`,
      `Province console (front end, in a browser): ${consoles}/province/${identities ? '   sign in as henan (河南省), or ministry (Henan, Hubei, Hebei side by side)' : ''}`,
    );
  lines.push(
    `Gateway, the one public door: ${gateway}`,
    `  API docs (city systems, REST)  ${gateway}/docs        OpenAPI 3.1 at ${gateway}/openapi.json`,
    `  tRPC (the front ends)          ${gateway}/trpc        health ${gateway}/health`,
    `Behind it, on loopback without sign-in (for debugging): registry ${registry}, funding ${funding}, reporting ${reporting}`,
  );
  if (data === null || identities === null) return [...lines, '', 'No demo data (HUB_DEMO=0).', ''];

  const month = data.months.at(-1) ?? '';
  const zz = identities.apiKeys.find((k) => k.regionCode === '410100');
  lines.push('', `Demo sign-ins (password ${identities.users[0]?.password}):`);
  for (const user of identities.users) lines.push(`  ${user.username.padEnd(10)} ${user.what}`);
  lines.push('', 'Demo API keys (city systems; each reaches its own city only):');
  for (const key of identities.apiKeys) lines.push(`  ${key.name} (${key.regionCode})  ${key.key}`);
  lines.push(
    '',
    "Try, as Zhengzhou's city system (REST):",
    `  export KEY=${zz?.key ?? '<a key above>'}`,
    `  curl -s -H "X-Api-Key: $KEY" '${gateway}/api/v1/regions/410100/summary?period=${month}'`,
    `  curl -s -H "X-Api-Key: $KEY" '${gateway}/api/v1/stations?regionCode=410105&limit=3'`,
    `  curl -s -H "X-Api-Key: $KEY" '${gateway}/api/v1/regions/420100/summary?period=${month}'   # Wuhan: 403, not Zhengzhou's`,
    '',
    'Try, signed in as the ministry (Henan, Hubei and Hebei; tRPC, as a front end calls it):',
    `  export TOKEN=$(${signIn(gateway, 'ministry', identities.users[0]?.password ?? '')})`,
    `  ${gatewayQuery(gateway, 'reporting.compliance.summary', { regionCode: '420000' })}`,
    `  ${gatewayQuery(gateway, 'reporting.rollups.coverage', { regionCode: '410100' })}`,
    '',
    `Planted violations (DEMO_VIOLATIONS; ${data.stations.length} stations, ${data.workers.length} workers, ${data.serviceRecords.length} service records ${data.months[0]} – ${month}):`,
  );
  for (const violation of DEMO_VIOLATIONS) {
    const view = viewOf(violation);
    const call = gatewayQuery(gateway, `${view.service}.${view.procedure}`, view.input);
    lines.push(
      `  ${violation.where}: ${violation.what} — ${violation.ruleId} [${violation.citation}]`,
      `    ${call}`,
    );
  }
  lines.push('');
  return lines;
}

/** A tRPC query through the gateway with the bearer token in `$TOKEN`. */
export function gatewayQuery(gateway: string, procedure: string, input: unknown): string {
  return `curl -sG -H "Authorization: Bearer $TOKEN" ${gateway}/trpc/${procedure} --data-urlencode 'input=${JSON.stringify(input)}'`;
}

/** A shell command that signs in and prints the token. */
function signIn(gateway: string, username: string, password: string): string {
  return `curl -s -X POST ${gateway}/trpc/auth.signIn -H 'content-type: application/json' -d '{"username":"${username}","password":"${password}"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).result.data.token'`;
}
