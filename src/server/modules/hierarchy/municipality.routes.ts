import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  errorSchema,
  mocStaffSchema,
  municipalityDetailSchema,
  municipalitySummarySchema,
  regionOverviewSchema,
  regionSchema,
} from "../../../shared/api";
import { mocStaffInputSchema } from "../../../shared/hierarchy";
import { type AppContext, requireActor } from "../../http/context";
import {
  getMunicipalityById,
  getRegionOverview,
  listMunicipalities,
  listRegions,
} from "./municipality.service";
import { createStaffMember, deleteStaffMember, updateStaffMember } from "./staff.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** Regions, the region overview, municipalities and МОЦ staff. */
export async function municipalityRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/regions",
    {
      schema: {
        tags: ["hierarchy"],
        summary: "Регионы",
        response: { 200: z.array(regionSchema), ...errors },
      },
    },
    async (request) => listRegions({ db: ctx.db, actor: requireActor(request) }),
  );
  r.get(
    "/api/overview",
    {
      schema: {
        tags: ["hierarchy"],
        summary: "Обзор региона",
        querystring: z.object({ regionId: z.coerce.number().int().positive().optional() }),
        response: { 200: regionOverviewSchema, ...errors },
      },
    },
    async (request) =>
      getRegionOverview({ db: ctx.db, actor: requireActor(request), regionId: request.query.regionId }),
  );
  r.get(
    "/api/municipalities",
    {
      schema: {
        tags: ["hierarchy"],
        summary: "Муниципалитеты",
        response: { 200: z.array(municipalitySummarySchema), ...errors },
      },
    },
    async (request) => listMunicipalities({ db: ctx.db, actor: requireActor(request) }),
  );
  r.get(
    "/api/municipalities/:id",
    {
      schema: {
        tags: ["hierarchy"],
        summary: "Муниципалитет и его МОЦ",
        params: idParams,
        response: { 200: municipalityDetailSchema, ...errors },
      },
    },
    async (request) =>
      getMunicipalityById({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
  r.post(
    "/api/municipalities/:id/staff",
    {
      schema: {
        tags: ["hierarchy"],
        summary: "Добавить сотрудника МОЦ",
        params: idParams,
        body: mocStaffInputSchema,
        response: { 200: mocStaffSchema, ...errors },
      },
    },
    async (request) =>
      createStaffMember({
        db: ctx.db,
        actor: requireActor(request),
        municipalityId: request.params.id,
        input: request.body,
      }),
  );
  r.patch(
    "/api/staff/:id",
    {
      schema: {
        tags: ["hierarchy"],
        summary: "Изменить сотрудника МОЦ",
        params: idParams,
        body: mocStaffInputSchema.partial(),
        response: { 200: mocStaffSchema, ...errors },
      },
    },
    async (request) =>
      updateStaffMember({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
      }),
  );
  r.delete(
    "/api/staff/:id",
    {
      schema: {
        tags: ["hierarchy"],
        summary: "Удалить сотрудника МОЦ",
        params: idParams,
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (request) => {
      await deleteStaffMember({ db: ctx.db, actor: requireActor(request), id: request.params.id });
      return { ok: true as const };
    },
  );
}
