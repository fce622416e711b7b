import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  type AgreementCreate,
  agreementItemSchema,
  partnersOverviewSchema,
  schoolPartnersSchema,
} from "../../../shared/partners-api";
import { apiGet, apiSend, apiUpload, toQuery } from "../../app/api-client";

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

/** Makes a draft agreement from a suggestion, or deletes an agreement. */
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
    remove: useMutation({
      mutationFn: (id: number) => apiSend("DELETE", `/api/partner-agreements/${id}`, undefined, z.unknown()),
      onSuccess,
    }),
  };
}

/**
 * Records an agreement of the school (id null) or changes one, then uploads its document when a file
 * is chosen; refreshes the school's partners and the overview.
 */
export function useSaveAgreement(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      input,
      file,
    }: {
      id: number | null;
      input: AgreementCreate;
      file: File | null;
    }) => {
      const saved =
        id === null
          ? await apiSend("POST", `/api/schools/${schoolId}/partners`, input, agreementItemSchema)
          : await apiSend("PATCH", `/api/partner-agreements/${id}`, input, agreementItemSchema);
      if (!file) return saved;
      return apiUpload("PUT", `/api/partner-agreements/${saved.id}/file`, file, agreementItemSchema);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["partners"] }),
  });
}
