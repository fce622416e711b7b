/** The demo region and its indicator values: deterministic synthetic data shaped by Smolensk region's figures. */
export { DEFAULT_DEMO_SEED, generateDemoRegion } from "./demo-region";
export type {
  DemoMoc,
  DemoMocStaff,
  DemoMunicipality,
  DemoRegion,
  DemoSchool,
  DemoUser,
} from "./demo-region.types";
export {
  DEMO_YEARS,
  type DemoIndicatorValue,
  type GenerateDemoValuesInput,
  generateDemoValues,
} from "./demo-values";
export { createRng, type Rng } from "./random";
export { DEMO_SIGN_INS, type DemoSignIn } from "./users";
