import { benchRegions } from './regions.bench.ts';
import { benchStaffing } from './staffing.bench.ts';

/** Every benchmark suite, in order. Each prints its table and writes bench/results/<suite>.json. */
await benchRegions();
await benchStaffing();
