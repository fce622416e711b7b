import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type AgreementCreate,
  agreementItemSchema,
  partnersOverviewSchema,
  schoolPartnersSchema,
} from "../../../shared/partners-api";
import { apiGet, apiSend, toQuery } from "../../app/api-client";

/** A school's agreements and suggested partner schools. */
export function useSchoolPartners(schoolId: number) {
  return useQuery({
    queryKey: ["partners", "school", schoolId],
    queryFn: () => apiGet(`/api/schools/${schoolId}/partners`, schoolPartnersSchema),
  });
}

/** The partnerships of the region or the МОЦ's municipality. */
export function usePartnersOverview(regionId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["partners", "overview", regionId ?? null],
    queryFn: () => apiGet(`/api/partners/overview${toQuery({ regionId })}`, partnersOverviewSchema),
    enabled,
  });
}

/** Makes a draft agreement from a suggestion, or records an agreement. */
export function usePartnerWrites(schoolId: number) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: ["partners"] });
  return {
    fromSuggestion: useMutation({
      mutationFn: (partnerSchoolId: number) =>
        apiSend(
          "POST",
          `/api/schools/${schoolId}/partners/from-suggestion`,
          { partnerSchoolId },
          agreementItemSchema,
        ),
      onSuccess,
    }),
    create: useMutation({
      mutationFn: (input: Partial<AgreementCreate>) =>
        apiSend("POST", `/api/schools/${schoolId}/partners`, input, agreementItemSchema),
      onSuccess,
    }),
  };
}
