import type { HubPorts } from './config.ts';
import { DEMO_VIOLATIONS, type DemoDataset, type DemoViolation, demoSubjectId } from './demo/dataset.ts';

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
  service: keyof HubPorts;
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

/** What `pnpm start` prints once the hub is up: the services, and concrete queries to try on the demo. */
export function whereToLook(urls: Urls, data: DemoDataset | null): string[] {
  const { registry, funding, reporting } = urls;
  const lines = [
    '',
    'Services (tRPC at /trpc: GET for queries with ?input=<JSON>, POST for mutations):',
    `  registry   ${registry}   ${registry}/health`,
    `  funding    ${funding}   ${funding}/health`,
    `  reporting  ${reporting}   ${reporting}/health`,
  ];
  if (data === null) return [...lines, '', 'No demo data (HUB_DEMO=0).', ''];

  const month = data.months.at(-1) ?? '';
  const henanYear = data.budgets.find((b) => b.countyCode.startsWith('41'))?.year ?? 2021;
  const [first] = DEMO_VIOLATIONS;
  const station = demoSubjectId(first);
  lines.push(
    '',
    'Try:',
    '  Zhengzhou: operating stations and township coverage, per county',
    `    ${curlQuery(reporting, 'rollups.coverage', { regionCode: '410100' })}`,
    '  Henan: operating stations compliant or not, per city',
    `    ${curlQuery(reporting, 'compliance.summary', { regionCode: '410000' })}`,
    `  ${first.where} (${station}): its findings`,
    `    ${curlQuery(reporting, 'compliance.station', { stationId: station })}`,
    `  Wuhan, ${month}: service records, beneficiaries, hours, volunteers by domain`,
    `    ${curlQuery(reporting, 'rollups.services', { regionCode: '420100', period: month, by: 'domain' })}`,
    `  Henan, ${henanYear}: contracted, budgeted and paid, per county`,
    `    ${curlQuery(funding, 'funding.executionSummary', { regionCode: '410000', year: henanYear })}`,
    `  every station of Puyang in the registry`,
    `    ${curlQuery(registry, 'stations.list', { regionCode: '410900' })}`,
    '',
    `Planted violations (DEMO_VIOLATIONS; ${data.stations.length} stations, ${data.workers.length} workers, ${data.serviceRecords.length} service records ${data.months[0]} – ${month}):`,
  );
  for (const violation of DEMO_VIOLATIONS) {
    const view = viewOf(violation);
    lines.push(
      `  ${violation.where}: ${violation.what} — ${violation.ruleId} [${violation.citation}]`,
      violation.subject === 'operator'
        ? `    (no service evaluates operators yet) ${curlQuery(urls[view.service], view.procedure, view.input)}`
        : `    ${curlQuery(urls[view.service], view.procedure, view.input)}`,
    );
  }
  lines.push('');
  return lines;
}
