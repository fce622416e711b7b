CREATE TABLE "identification_run_criteria" (
	"run_id" integer NOT NULL,
	"rule_set_index" smallint NOT NULL,
	"criterion_index" smallint NOT NULL,
	"first_position" integer NOT NULL,
	"position_count" integer NOT NULL,
	"criterion_id" text NOT NULL,
	"indicator_codes" jsonb NOT NULL,
	"indicator_picks" "bytea" NOT NULL,
	"verdicts" text NOT NULL,
	"values" "bytea" NOT NULL,
	"thresholds" "bytea" NOT NULL,
	"year_masks" "bytea" NOT NULL,
	"sentences" text[] NOT NULL,
	CONSTRAINT "identification_run_criteria_pk" PRIMARY KEY("run_id","rule_set_index","criterion_index","first_position")
);
--> statement-breakpoint
ALTER TABLE "identification_run_criteria" ADD CONSTRAINT "identification_run_criteria_run_id_identification_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."identification_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_results" ADD COLUMN "position" integer;--> statement-breakpoint
ALTER TABLE "identification_results" ADD COLUMN "rule_set_statuses" text;--> statement-breakpoint
-- Hand-written from here to the end: stored runs move from a JSON document per school ("details")
-- to criterion columns in chunks of 512 schools, in the form the application writes
-- (modules/identification/run-columns.ts). Positions follow municipality, then school code, as the
-- application orders them.
UPDATE "identification_results" AS r SET "position" = o."position"
FROM (
	SELECT "id", (row_number() OVER (PARTITION BY "run_id" ORDER BY "municipality_id", "school_code", "id") - 1)::integer AS "position"
	FROM "identification_results"
) AS o
WHERE o."id" = r."id";--> statement-breakpoint
UPDATE "identification_results" SET "rule_set_statuses" = coalesce((
	SELECT string_agg(CASE
		WHEN d.x->>'status' = 'flagged' THEN 'f'
		WHEN d.x->>'status' = 'not_flagged' THEN 'n'
		WHEN d.x->>'reason' = 'small_school' THEN 's'
		WHEN d.x->>'reason' = 'no_data' THEN 'd'
		ELSE 'i' END, '' ORDER BY d.ord)
	FROM jsonb_array_elements("details") WITH ORDINALITY AS d(x, ord)
), '');--> statement-breakpoint
INSERT INTO "identification_run_criteria" ("run_id", "rule_set_index", "criterion_index", "first_position",
	"position_count", "criterion_id", "indicator_codes", "indicator_picks", "verdicts", "values", "thresholds",
	"year_masks", "sentences")
SELECT k."run_id", k."rule_set_index", k."criterion_index", (r."position" / 512) * 512, count(*)::integer,
	k."criterion_id", to_jsonb(k."codes"),
	string_agg(set_byte('\x00'::bytea, 0, coalesce(array_position(k."codes", e.c->>'indicatorCode') - 1, 0)),
		''::bytea ORDER BY r."position"),
	string_agg(CASE e.c->>'verdict' WHEN 'met' THEN 'm' WHEN 'not_met' THEN 'n' WHEN 'no_data' THEN 'd' ELSE '-' END,
		'' ORDER BY r."position"),
	string_agg(float8send(coalesce((e.c->>'value')::float8, 'NaN'::float8)), ''::bytea ORDER BY r."position"),
	string_agg(float8send(coalesce((e.c->>'threshold')::float8, 'NaN'::float8)), ''::bytea ORDER BY r."position"),
	string_agg(int4send(coalesce((
		SELECT bit_or(1 << (run."year" - y::integer)) FROM jsonb_array_elements_text(e.c->'yearsUsed') AS y
	), 0)), ''::bytea ORDER BY r."position"),
	array_agg(e.c->>'sentence' ORDER BY r."position")
FROM (
	SELECT r."run_id", (d.ord - 1)::smallint AS "rule_set_index", (c.ord - 1)::smallint AS "criterion_index",
		min(c.x->>'criterionId') AS "criterion_id",
		array_agg(DISTINCT c.x->>'indicatorCode' ORDER BY c.x->>'indicatorCode') AS "codes"
	FROM "identification_results" AS r
		CROSS JOIN LATERAL jsonb_array_elements(r."details") WITH ORDINALITY AS d(x, ord)
		CROSS JOIN LATERAL jsonb_array_elements(d.x->'criteria') WITH ORDINALITY AS c(x, ord)
	GROUP BY 1, 2, 3
) AS k
JOIN "identification_runs" AS run ON run."id" = k."run_id"
JOIN "identification_results" AS r ON r."run_id" = k."run_id"
CROSS JOIN LATERAL (
	SELECT r."details"->(k."rule_set_index"::integer)->'criteria'->(k."criterion_index"::integer) AS c
) AS e
GROUP BY k."run_id", k."rule_set_index", k."criterion_index", k."criterion_id", k."codes", r."position" / 512;--> statement-breakpoint
-- The reasons were the sentences of the met criteria of the rule sets that flagged the school: they
-- are read from the criterion columns now, so the column goes with "details".
ALTER TABLE "identification_results" ALTER COLUMN "position" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "identification_results" ALTER COLUMN "rule_set_statuses" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "identification_results" DROP COLUMN "details";--> statement-breakpoint
ALTER TABLE "identification_results" DROP COLUMN "reasons";--> statement-breakpoint
DROP INDEX "identification_results_run_school_uq";--> statement-breakpoint
ALTER TABLE "identification_results" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "identification_results" ADD CONSTRAINT "identification_results_pk" PRIMARY KEY("run_id","school_id");
