import { factorList as factors } from "./factors.data";
import type { WorkbookSectionInput } from "./workbook.schema";

/** Section 4 of the preloaded workbook: students' results, motivation and language. */
export const STUDENTS_SECTION: WorkbookSectionInput = {
  code: "students",
  title: "Обучающиеся",
  questions: [
    {
      code: "academic_debt_share",
      type: "number",
      text: "Какой процент обучающихся по итогам прошлого года не освоил программу или имеет академическую задолженность?",
      factorCodes: factors("students_at_risk"),
      min: 0,
      max: 100,
      unit: "%",
      // Seed 001: 4,5% of 9th/11th-graders left without a certificate on average; 5% is the ШНРО criterion.
      scoring: { worseWhen: "higher", medium: 2, high: 5 },
    },
    {
      code: "interest_in_learning",
      type: "scale",
      text: "Оцените интерес большинства обучающихся к учёбе.",
      factorCodes: factors("low_learning_motivation"),
      min: 1,
      max: 5,
      worseWhen: "lower",
      labels: [
        { value: 1, label: "очень низкий" },
        { value: 3, label: "средний" },
        { value: 5, label: "высокий" },
      ],
    },
    {
      code: "truancy",
      type: "single_choice",
      text: "Как часто обучающиеся пропускают уроки без уважительной причины?",
      factorCodes: factors("low_learning_motivation", "students_at_risk"),
      options: [
        { code: "rarely", label: "редко", risk: 0 },
        { code: "some_classes", label: "в отдельных классах", risk: 0.5 },
        {
          code: "often",
          label: "часто, во многих классах",
          risk: 1,
          finding: "Обучающиеся часто пропускают уроки без причины",
        },
      ],
    },
    {
      code: "outside_contests",
      type: "yes_no",
      text: "Участвуют ли обучающиеся в олимпиадах, конкурсах и проектах за пределами школы?",
      factorCodes: factors("low_learning_motivation"),
      riskIfYes: 0,
      riskIfNo: 0.7,
      findingIfNo: "Обучающиеся не участвуют в олимпиадах и конкурсах за пределами школы",
    },
    {
      code: "extracurricular_share",
      type: "number",
      text: "Какой процент обучающихся занимается в кружках, секциях и объединениях дополнительного образования?",
      factorCodes: factors("low_learning_motivation"),
      min: 0,
      max: 100,
      unit: "%",
      // Children outside any club were named among the causes of low results (Кардымовский район, 2018).
      scoring: { worseWhen: "lower", medium: 50, high: 30 },
    },
    {
      code: "non_native_share",
      type: "number",
      text: "Какой процент обучающихся не считает русский язык родным?",
      factorCodes: factors("language_cultural_barriers"),
      min: 0,
      max: 100,
      unit: "%",
      // One such child in twenty needs language support in most classes; 15% changes how a class is taught.
      scoring: { worseWhen: "higher", medium: 5, high: 15 },
    },
    {
      code: "russian_support",
      type: "single_choice",
      text: "Есть ли занятия по русскому языку для обучающихся, которые плохо им владеют?",
      factorCodes: factors("language_cultural_barriers"),
      options: [
        { code: "yes", label: "да", risk: 0 },
        {
          code: "no",
          label: "нет, хотя такие обучающиеся есть",
          risk: 1,
          finding: "Обучающимся, плохо владеющим русским языком, занятий не дают",
        },
        { code: "not_needed", label: "таких обучающихся нет", risk: 0 },
      ],
    },
  ],
};

/** Section 5 of the preloaded workbook: equipment. */
export const EQUIPMENT_SECTION: WorkbookSectionInput = {
  code: "equipment",
  title: "Оснащение школы",
  questions: [
    {
      code: "equipment_level",
      type: "scale",
      text: "Оцените оснащённость кабинетов учебным и лабораторным оборудованием.",
      factorCodes: factors("low_equipment"),
      min: 1,
      max: 5,
      worseWhen: "lower",
      labels: [
        { value: 1, label: "оборудования почти нет" },
        { value: 3, label: "есть самое необходимое" },
        { value: 5, label: "полностью оснащены" },
      ],
    },
    {
      code: "internet",
      type: "yes_no",
      text: "Достаточен ли доступ к интернету для онлайн-занятий и ВПР в компьютерной форме?",
      factorCodes: factors("low_equipment"),
      riskIfYes: 0,
      riskIfNo: 0.7,
      findingIfNo: "Доступа к интернету не хватает для онлайн-занятий и ВПР",
    },
    {
      code: "missing_equipment",
      type: "multiple_choice",
      text: "Чего не хватает для уроков? Отметьте всё.",
      factorCodes: factors("low_equipment"),
      baseRisk: 0,
      options: [
        { code: "lab", label: "оборудования для лабораторных работ по физике, химии, биологии", weight: 0.4 },
        { code: "computers", label: "компьютеров для обучающихся", weight: 0.4 },
        { code: "projectors", label: "проекторов и интерактивных панелей", weight: 0.3 },
        { code: "textbooks", label: "учебников и пособий", weight: 0.5 },
      ],
    },
  ],
};

/** Section 6 of the preloaded workbook: school climate and parents. */
export const CLIMATE_SECTION: WorkbookSectionInput = {
  code: "climate",
  title: "Школьный климат и семьи",
  questions: [
    {
      code: "psychologist",
      type: "yes_no",
      text: "Есть ли в школе педагог-психолог (в штате или по договору)?",
      factorCodes: factors("poor_school_climate", "students_at_risk"),
      riskIfYes: 0,
      riskIfNo: 0.7,
      findingIfNo: "В школе нет педагога-психолога",
    },
    {
      code: "conflicts",
      type: "scale",
      text: "Как часто в школе случаются конфликты между обучающимися и травля?",
      factorCodes: factors("poor_school_climate"),
      min: 1,
      max: 5,
      worseWhen: "higher",
      labels: [
        { value: 1, label: "почти никогда" },
        { value: 3, label: "иногда" },
        { value: 5, label: "часто" },
      ],
    },
    {
      code: "parents_at_meetings",
      type: "single_choice",
      text: "Какая часть родителей приходит на родительские собрания?",
      factorCodes: factors("low_parental_involvement"),
      options: [
        { code: "most", label: "большинство", risk: 0 },
        { code: "half", label: "около половины", risk: 0.5 },
        {
          code: "few",
          label: "меньшинство",
          risk: 1,
          finding: "На родительские собрания приходит меньшинство родителей",
        },
      ],
    },
    {
      code: "parents_council",
      type: "yes_no",
      text: "Участвует ли совет родителей в планировании работы школы?",
      factorCodes: factors("low_parental_involvement"),
      riskIfYes: 0,
      riskIfNo: 0.7,
      findingIfNo: "Совет родителей не участвует в планировании работы школы",
    },
    {
      code: "hard_families_share",
      type: "number",
      text: "Какой процент обучающихся — из семей в трудной жизненной ситуации или социально опасном положении?",
      factorCodes: factors("low_parental_involvement", "students_at_risk"),
      min: 0,
      max: 100,
      unit: "%",
      // The same boundaries as the indicator disadvantaged_families_share (indicator-rules.data.ts).
      scoring: { worseWhen: "higher", medium: 10, high: 20 },
    },
    {
      code: "parent_work",
      type: "text",
      text: "Какие формы работы с родителями дали результат, а какие нет?",
      factorCodes: factors("low_parental_involvement"),
      required: false,
    },
  ],
};
