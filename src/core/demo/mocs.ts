import type { MocPosition } from "../../shared/hierarchy";
import type { DemoMoc, DemoMocStaff } from "./demo-region.types";
import type { DemoMunicipalitySpec } from "./municipalities.data";
import { createPerson } from "./people";
import { createRng, type Rng } from "./random";

/** Domain of the demo e-mail addresses (reserved for examples, never delivered). */
export const DEMO_EMAIL_DOMAIN = "opora.example";

/** A local phone number in the municipality's code: «+7 (48132) 4-12-34», «+7 (4812) 38-21-57». */
export function demoPhone(rng: Rng, phoneCode: string): string {
  const digits = String(rng.int(10 ** (9 - phoneCode.length), 10 ** (10 - phoneCode.length) - 1));
  const groups =
    digits.length === 6
      ? [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)]
      : [digits.slice(0, 1), digits.slice(1, 3), digits.slice(3)];
  return `+7 (${phoneCode}) ${groups.join("-")}`;
}

/** Positions of a МОЦ's staff: a coordinator, 1–3 mentor school heads, 2–5 mentor teachers, a psychologist, a social pedagogue. */
function staffPositions(rng: Rng): MocPosition[] {
  return [
    "coordinator",
    ...Array.from({ length: rng.int(1, 3) }, (): MocPosition => "mentor_head"),
    ...Array.from({ length: rng.int(2, 5) }, (): MocPosition => "mentor_teacher"),
    "psychologist",
    "social_pedagogue",
  ];
}

function createStaff(rng: Rng, spec: DemoMunicipalitySpec): DemoMocStaff[] {
  const used = new Set<string>();
  return staffPositions(rng).map((position) => {
    const person = createPerson(rng);
    let handle = person.handle;
    for (let suffix = 2; used.has(handle); suffix += 1) handle = `${person.handle}${suffix}`;
    used.add(handle);
    return {
      fullName: person.fullName,
      position,
      email: `${handle}@${spec.code}.${DEMO_EMAIL_DOMAIN}`,
      phone: demoPhone(rng, spec.phoneCode),
    };
  });
}

/** One МОЦ per municipality («МОЦ Велижского района») with its staff. */
export function generateMocs(seed: number, specs: DemoMunicipalitySpec[]): DemoMoc[] {
  return specs.map((spec) => {
    const rng = createRng(seed, `moc:${spec.code}`);
    return { municipalityCode: spec.code, name: `МОЦ ${spec.genitive}`, staff: createStaff(rng, spec) };
  });
}
