import type { CausesRegistryInput } from "./causes-registry.model";

/** A region's registry in seed 000's and 002's words: three municipalities, causes the seeds name. */
export const SMOLENSK_REGISTRY: CausesRegistryInput = {
  territory: "Смоленская область",
  year: 2025,
  groups: [
    {
      municipality: "Дорогобужский район",
      programmeSchools: 3,
      causes: [
        {
          cause: "Низкая мотивация обучающихся к обучению",
          schools: [
            { name: "МБОУ Верхнеднепровская СОШ № 1", municipality: null },
            { name: "МБОУ Дорогобужская СОШ № 1", municipality: null },
          ],
          previousYearSchools: 1,
        },
        {
          cause: "Недостаточная компетентность учителей по оцениванию образовательных результатов",
          schools: [{ name: "МБОУ Дорогобужская СОШ № 1", municipality: null }],
          previousYearSchools: 2,
        },
      ],
    },
    {
      municipality: "Ельнинский район",
      programmeSchools: 1,
      causes: [
        {
          cause: "Недостаточное развитие ВСОКО и системы внутришкольного мониторинга",
          schools: [{ name: "МБОУ Ельнинская СШ № 2 им. К.И. Ракутина", municipality: null }],
          previousYearSchools: 1,
        },
        {
          cause: "Профессиональное выгорание педагогов",
          schools: [{ name: "МБОУ Ельнинская СШ № 2 им. К.И. Ракутина", municipality: null }],
          previousYearSchools: null,
        },
      ],
    },
    { municipality: "Велижский район", programmeSchools: 2, causes: [] },
  ],
};
