import { factorList as factors } from "./factors.data";
import { type Workbook, type WorkbookSectionInput, workbookSchema } from "./workbook.schema";
import { STAFF_SECTION, TEACHING_SECTION } from "./workbook-staff.data";
import { CLIMATE_SECTION, EQUIPMENT_SECTION, STUDENTS_SECTION } from "./workbook-students.data";

const MANAGEMENT_SECTION: WorkbookSectionInput = {
  code: "management",
  title: "Управление качеством образования и внутренняя система оценки качества (ВСОКО)",
  questions: [
    {
      code: "vsoko_regulation",
      type: "yes_no",
      text: "Утверждено ли в школе положение о внутренней системе оценки качества образования (ВСОКО)?",
      factorCodes: factors("undeveloped_vsoko"),
      riskIfYes: 0,
      riskIfNo: 1,
      findingIfNo: "В школе нет утверждённого положения о ВСОКО",
    },
    {
      code: "results_analysis",
      type: "single_choice",
      text: "Как часто администрация разбирает с учителями результаты внутренних оценочных процедур?",
      factorCodes: factors("undeveloped_vsoko"),
      options: [
        { code: "monthly", label: "ежемесячно", risk: 0 },
        { code: "quarterly", label: "по итогам каждой четверти", risk: 0.2 },
        { code: "half_year", label: "раз в полугодие", risk: 0.5 },
        {
          code: "yearly",
          label: "раз в год",
          risk: 0.8,
          finding: "Результаты оценочных процедур разбирают раз в год",
        },
        {
          code: "never",
          label: "не разбирает",
          risk: 1,
          finding: "Результаты оценочных процедур с учителями не разбирают",
        },
      ],
    },
    {
      code: "lesson_observation",
      type: "yes_no",
      text: "Предусматривает ли план внутришкольного контроля посещение уроков с последующим разбором?",
      factorCodes: factors("undeveloped_vsoko"),
      riskIfYes: 0,
      riskIfNo: 0.8,
      findingIfNo: "Внутришкольный контроль не предусматривает посещения и разбора уроков",
    },
    {
      code: "marks_match_external",
      type: "scale",
      text: "Насколько отметки за четверть и год совпадают с результатами ВПР, ОГЭ и ЕГЭ?",
      factorCodes: factors("internal_external_mismatch"),
      min: 1,
      max: 5,
      worseWhen: "lower",
      labels: [
        { value: 1, label: "почти никогда не совпадают" },
        { value: 3, label: "совпадают примерно в половине случаев" },
        { value: 5, label: "почти всегда совпадают" },
      ],
    },
    {
      code: "vpr_vs_marks",
      type: "single_choice",
      text: "Как отметки за ВПР соотносятся с отметками в журнале у большинства классов?",
      hint: "Сравните отметку за ВПР с отметкой за предыдущую четверть: понизили, подтвердили или повысили.",
      factorCodes: factors("internal_external_mismatch"),
      options: [
        { code: "confirmed", label: "ВПР в основном подтверждают отметки", risk: 0 },
        { code: "lower_some", label: "ВПР ниже отметок в журнале в отдельных классах", risk: 0.5 },
        {
          code: "lower_most",
          label: "ВПР ниже отметок в журнале в большинстве классов",
          risk: 1,
          finding: "В большинстве классов отметки за ВПР ниже отметок в журнале",
        },
        { code: "higher", label: "ВПР выше отметок в журнале", risk: 0.5 },
        {
          code: "not_compared",
          label: "не сравнивали",
          risk: 0.8,
          finding: "Отметки за ВПР с журналом не сравнивали",
        },
      ],
    },
    {
      code: "common_criteria",
      type: "yes_no",
      text: "Пользуются ли учителя одного предмета едиными критериями оценивания письменных работ?",
      factorCodes: factors("weak_assessment_competence", "internal_external_mismatch"),
      riskIfYes: 0,
      riskIfNo: 1,
      findingIfNo: "У учителей нет единых критериев оценивания письменных работ",
    },
    {
      code: "assessment_training",
      type: "single_choice",
      text: "Какая часть учителей за три года училась оцениванию образовательных результатов (в том числе объективности оценивания)?",
      factorCodes: factors("weak_assessment_competence"),
      options: [
        { code: "most", label: "большинство", risk: 0 },
        { code: "half", label: "около половины", risk: 0.4 },
        { code: "few", label: "единицы", risk: 0.8, finding: "Оцениванию учились лишь единицы учителей" },
        {
          code: "none",
          label: "никто",
          risk: 1,
          finding: "Никто из учителей не учился оцениванию за три года",
        },
      ],
    },
  ],
};

/**
 * The preloaded workbook «Рабочая тетрадь по выявлению причин неуспешности» (СОИРО's instrument,
 * seed 001), 40 questions a director answers; every catalogue factor has questions (checked by a test).
 */
export const PRELOADED_WORKBOOK: Workbook = workbookSchema.parse({
  code: "causes_workbook",
  version: 1,
  title: "Рабочая тетрадь по выявлению причин неуспешности",
  description:
    "Заполняет директор школы вместе с заместителями. Отвечайте по состоянию на текущий учебный год; если точных данных нет, оставьте вопрос без ответа — пропуск не считается ни риском, ни его отсутствием.",
  sections: [
    MANAGEMENT_SECTION,
    STAFF_SECTION,
    TEACHING_SECTION,
    STUDENTS_SECTION,
    EQUIPMENT_SECTION,
    CLIMATE_SECTION,
  ],
});
