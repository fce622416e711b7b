import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { addressedQuerySchema, addressedSupportSchema } from "../../../shared/addressed-api";
import { errorSchema } from "../../../shared/api";
import { type AppContext, requireActor } from "../../http/context";
import { getAddressedSupport } from "./addressed.service";

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** Addressed support made visible: what each programme school received in a year, and the flags. */
export async function addressedRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/support/addressed",
    {
      schema: {
        tags: ["support"],
        summary: "Адресная поддержка школ программы за учебный год и замечания",
        querystring: addressedQuerySchema.partial({ year: true }),
        response: { 200: addressedSupportSchema, ...errors },
      },
    },
    async (request) =>
      getAddressedSupport({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
}
