import { useHubQuery } from './hub.tsx';

/**
 * Names of a region and its child regions (a county's townships), as the gateway knows them: from
 * `reporting.compliance.summary`, which names the region and every child with an operating station. The
 * consoles bundle no division data (all of China's townships is megabytes); a code with no name here is
 * shown as the code alone.
 * @example const names = useRegionNames('410105'); names.get('410105002') // '花园路街道'
 */
export function useRegionNames(regionCode: string | undefined): Map<string, string> {
  const summary = useHubQuery(
    ['reporting.compliance.summary', { regionCode }],
    (hub) => hub.reporting.compliance.summary.query({ regionCode: regionCode ?? '' }),
    { enabled: regionCode !== undefined, staleTime: 10 * 60_000 },
  );
  const names = new Map<string, string>();
  if (summary.data) {
    names.set(summary.data.regionCode, summary.data.name);
    for (const child of summary.data.children) names.set(child.regionCode, child.name);
  }
  return names;
}
