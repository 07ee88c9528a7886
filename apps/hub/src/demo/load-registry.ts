import type { DemoDataset } from './dataset.ts';
import type { RegistryWriter } from './writers.ts';

/**
 * Pushes the demo's stations, operators, workers and supervisors through the registry's own procedures, as
 * a city system would, so every write goes through validation and the outbox. Stations open through
 * `changeStatus` (planned → building → operating) so reporting sees them open.
 */
export async function loadRegistry(registry: RegistryWriter, data: DemoDataset): Promise<void> {
  for (const operator of data.operators) await registry.operators.upsert(operator);
  await registry.stations.upsertMany({
    items: data.stations.map((s) => ({
      id: s.id,
      name: s.name,
      regionCode: s.regionCode,
      type: s.type,
      operatorId: s.operatorId,
      projectStartOn: s.projectStartOn,
      facilities: s.facilities,
      statusChangedOn: s.projectStartOn,
    })),
  });
  for (const station of data.stations) {
    if (station.openedOn === null) continue;
    await registry.stations.changeStatus({
      stationId: station.id,
      to: 'building',
      on: station.projectStartOn,
    });
    await registry.stations.changeStatus({ stationId: station.id, to: 'operating', on: station.openedOn });
  }
  await registry.workers.upsertMany({ items: data.workers });
  for (const supervisor of data.supervisors) await registry.supervisors.upsert(supervisor);
}
