import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../http/context";
import { exportRoutes } from "../export/export.routes";
import { formRoutes } from "../forms/forms.routes";
import { valueRoutes } from "../values/values.routes";
import { indicatorRoutes } from "./indicator.routes";

/** Every route of data collection (catalogue, values, forms, export), registered with one line in app.ts. */
export async function dataCollectionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const routes of [indicatorRoutes, valueRoutes, formRoutes, exportRoutes]) await routes(app, ctx);
}
