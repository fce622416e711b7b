import type { DemoRegion } from "./demo-region.types";
import { generateMocs } from "./mocs";
import { DEMO_MUNICIPALITIES } from "./municipalities.data";
import { generateSchools, REGION_CODE } from "./schools";
import { generateUsers } from "./users";

/** The seed used when none is given; the README's sign-ins and screenshots assume it. */
export const DEFAULT_DEMO_SEED = 20_180_329;

/**
 * A synthetic region shaped by Smolensk region's figures (seed 003): 27 municipalities, 367 schools,
 * 64.8% of them rural, 59.9% of rural schools small, 20.2% of students in rural schools; a МОЦ in
 * every municipality and demo users of every role. Pure and deterministic: the same seed gives the
 * same region.
 */
export function generateDemoRegion(seed: number = DEFAULT_DEMO_SEED): DemoRegion {
  const specs = DEMO_MUNICIPALITIES;
  return {
    region: { code: REGION_CODE, name: "Смоленская область" },
    municipalities: specs.map(({ code, name, kind }) => ({ code, name, kind })),
    schools: generateSchools(seed, specs),
    mocs: generateMocs(seed, specs),
    users: generateUsers(seed, specs),
  };
}
