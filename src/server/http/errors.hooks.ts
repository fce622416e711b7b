import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../platform/errors";

/** Maps every error to one JSON shape: `{ error, message, issues }`, with the status from the code. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send({ error: err.code, message: err.message, issues: err.issues });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [err.validationContext, ...v.instancePath.split("/").filter(Boolean)].join("."),
        message: v.message ?? "Неверное значение",
      }));
      return reply.code(400).send({ error: "invalid_input", message: "Неверные данные запроса", issues });
    }
    if (err.statusCode === 429) {
      return reply
        .code(429)
        .send({ error: "rate_limited", message: "Слишком много попыток. Повторите позже.", issues: [] });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: "bad_request", message: err.message, issues: [] });
    }
    request.log.error({ err }, "unhandled error");
    return reply.code(500).send({ error: "internal", message: "Внутренняя ошибка сервера", issues: [] });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: "not_found", message: `Нет такого адреса: ${request.url}`, issues: [] });
  });
}
