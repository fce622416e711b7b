import { useQuery } from "@tanstack/react-query";
import { addressedSupportSchema } from "../../../shared/addressed-api";
import { apiGet, toQuery } from "../../app/api-client";

/** The addressed support of the programme schools of a year (the server's default year when none). */
export function useAddressedSupport(
  opts: { year: number | undefined; municipalityId: number | null; regionId: number | undefined },
  enabled: boolean,
) {
  return useQuery({
    queryKey: ["addressed", opts.year ?? null, opts.municipalityId, opts.regionId ?? null],
    queryFn: () =>
      apiGet(
        `/api/support/addressed${toQuery({ year: opts.year, municipalityId: opts.municipalityId, regionId: opts.regionId })}`,
        addressedSupportSchema,
      ),
    enabled,
    meta: { isSilent: true },
  });
}
