import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MonitoringStage } from "../../../core/monitoring";
import {
  type ReportReview,
  type ReportSave,
  type ReportTransitionInput,
  reportListSchema,
  reportViewSchema,
  type TemplateSave,
  table2Schema,
  templateViewSchema,
} from "../../../shared/monitoring-api";
import { apiGet, apiSend, toQuery } from "../../app/api-client";

/** The path of a school's report. */
export const reportPath = (schoolId: number, year: number, stage: MonitoringStage) =>
  `/api/schools/${schoolId}/monitoring/${year}/${stage}`;

/** The programme schools of a year with the state of their reports. */
export function useReportList(
  q: { year?: number; stage: MonitoringStage; regionId?: number },
  enabled: boolean,
) {
  return useQuery({
    queryKey: ["monitoring", "list", q],
    queryFn: () => apiGet(`/api/monitoring/reports${toQuery(q)}`, reportListSchema),
    enabled,
  });
}

/** A school's report. */
export function useReport(schoolId: number, year: number, stage: MonitoringStage) {
  return useQuery({
    queryKey: ["monitoring", "report", schoolId, year, stage],
    queryFn: () => apiGet(reportPath(schoolId, year, stage), reportViewSchema),
  });
}

/** Save, move and review a report. */
export function useReportWrites(schoolId: number, year: number, stage: MonitoringStage) {
  const client = useQueryClient();
  const path = reportPath(schoolId, year, stage);
  const onSuccess = () => client.invalidateQueries({ queryKey: ["monitoring"] });
  return {
    save: useMutation({
      mutationFn: (input: ReportSave) => apiSend("PUT", path, input, reportViewSchema),
      onSuccess,
    }),
    transition: useMutation({
      mutationFn: (input: ReportTransitionInput) =>
        apiSend("POST", `${path}/transitions`, input, reportViewSchema),
      onSuccess,
    }),
    review: useMutation({
      mutationFn: (input: ReportReview) => apiSend("PUT", `${path}/review`, input, reportViewSchema),
      onSuccess,
    }),
  };
}

/** Table 2 for the chosen years. */
export function useTable2(q: { years: number[]; regionId?: number }, enabled: boolean) {
  return useQuery({
    queryKey: ["monitoring", "table2", q],
    queryFn: () =>
      apiGet(
        `/api/monitoring/table2${toQuery({ years: q.years.join(","), regionId: q.regionId })}`,
        table2Schema,
      ),
    enabled: enabled && q.years.length >= 2,
  });
}

/** The region's template. */
export function useTemplate(regionId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["monitoring", "template", regionId ?? null],
    queryFn: () => apiGet(`/api/monitoring/template${toQuery({ regionId })}`, templateViewSchema),
    enabled,
  });
}

/** Saves a new template version. */
export function useTemplateSave() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TemplateSave) =>
      apiSend("PUT", "/api/monitoring/template", input, templateViewSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["monitoring"] }),
  });
}
