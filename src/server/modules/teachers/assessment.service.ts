import { type BlockScores, schoolYearOf, scoreSelfAssessment } from "../../../core/teachers";
import type { AssessmentInput, TeacherCard } from "../../../shared/teachers-api";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { insertAssessments } from "./teachers.repo";
import { getTeacherCard } from "./teachers.service";
import { requireTeacher } from "./teachers-access";

/** The block scores of a diagnosis as entered: the test's, or those the questionnaire's formula gives. */
export function scoresOf(input: AssessmentInput): BlockScores {
  return input.source === "test" ? input.scores : scoreSelfAssessment(input.answers);
}

/**
 * Records a diagnosis of a teacher's professional deficits (teachers.write): test scores 0–100 by
 * block, or the self-assessment's answers scored by the questionnaire's formula. A later diagnosis is
 * the re-assessment the ИОМ compares with the first.
 */
export async function addAssessment({
  db,
  actor,
  teacherId,
  input,
}: {
  db: Db;
  actor: Actor;
  teacherId: number;
  input: AssessmentInput;
}): Promise<TeacherCard> {
  const { teacher, school } = await requireTeacher(db, actor, teacherId, "teachers.write");
  const scores = scoresOf(input);
  if (Object.keys(scores).length === 0) {
    throw new AppError("invalid_input", "Диагностика не содержит ни одного балла по блокам", [
      {
        path: input.source === "test" ? "scores" : "answers",
        message: "Укажите баллы хотя бы по одному блоку",
      },
    ]);
  }
  await db.transaction(async (tx) => {
    const [row] = await insertAssessments(tx, [
      {
        teacherId: teacher.id,
        assessedOn: input.assessedOn,
        year: schoolYearOf(input.assessedOn),
        source: input.source,
        scores,
        createdBy: actor.userId > 0 ? actor.userId : null,
      },
    ]);
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "deficit_assessment",
      entityId: row?.id,
      after: { teacherId: teacher.id, assessedOn: input.assessedOn, source: input.source, scores },
      regionId: school.regionId,
    });
  });
  return getTeacherCard({ db, actor, teacherId: teacher.id });
}
