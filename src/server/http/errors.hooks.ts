import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../platform/errors";
import { frameworkErrorAnswer } from "./framework-errors";

/** Sends a client error of the framework in the one JSON shape, with its Russian message; false when it is none. */
function sendFrameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply): boolean {
  const answer = frameworkErrorAnswer(err, request);
  if (!answer) return false;
  request.log.info({ err }, "client error");
  void reply.code(answer.status).send({ error: answer.error, message: answer.message, issues: [] });
  return true;
}

/**
 * Fastify's `frameworkErrors` option: the errors its router raises before any route runs (a bad
 * URL, a too long parameter), answered like every other error instead of Fastify's English default.
 */
export function onFrameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (!sendFrameworkError(err, request, reply)) {
    void reply.code(500).send({ error: "internal", message: "Внутренняя ошибка сервера", issues: [] });
  }
}

/**
 * Maps every error to one JSON shape: `{ error, message, issues }`, with the status from the code
 * and a Russian message: the application's AppError, a schema's validation issues, the rate limit,
 * and the framework's own client errors by code (framework-errors.ts); anything else is a 500.
 */
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
    if (sendFrameworkError(err, request, reply)) return reply;
    request.log.error({ err }, "unhandled error");
    return reply.code(500).send({ error: "internal", message: "Внутренняя ошибка сервера", issues: [] });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: "not_found", message: `Нет такого адреса: ${request.url}`, issues: [] });
  });
}
