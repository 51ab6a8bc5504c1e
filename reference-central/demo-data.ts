// Demo and volume data for the reference central (`--demo`, `--volume`); the parts live in ./demo/.
export type { LegacyRow, RecordsByTable } from './demo/types';
export { CENTRAL_SITE_ID, DEMO_SITES, type DemoSite } from './demo/sites';
export { buildDemoRecords } from './demo/build';
export { buildVolumeRecords } from './demo/volume';
