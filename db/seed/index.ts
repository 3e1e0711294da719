export { seedDemo, type SeedOptions, type SeedSummary, type SeedCounts } from './demo';
export {
  buildDemo,
  checkInvariants,
  DEFAULT_SEED,
  DEFAULT_REFERENCE_DATE,
  DEMO_PASSWORD,
  DEMO_USERNAMES,
  type DemoData,
  type DemoFacts,
  type DemoUsername,
} from './build';
export { BAD_RECORD_TYPES, BAD_RECORD_TYPE_SHORT, GOOD_RECORD_TYPES } from './names';
export { Rng } from './random';
export {
  demoDecision,
  isProductionStart,
  prepareFirstStart,
  FORCED_DEMO_WARNING,
  type DemoDecision,
  type DemoModeInput,
  type FirstStartResult,
} from './first-start';
