import type { FastifyError, FastifyRequest } from "fastify";

/** How the API answers an error: the HTTP status, a stable code and a Russian message. */
export type ErrorAnswer = { status: number; error: string; message: string };

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10}`.replace(".", ",");
}

/** The request's Content-Type as the message may quote it: printable, short. */
function contentTypeOf(request: FastifyRequest): string {
  const type = String(request.headers["content-type"] ?? "").replace(/[^\x20-\x7e]/g, "");
  return type.length > 60 ? `${type.slice(0, 60)}…` : type;
}

type Answerer = (request: FastifyRequest) => ErrorAnswer;

const fixed =
  (status: number, error: string, message: string): Answerer =>
  () => ({ status, error, message });

/**
 * Russian answers to the errors that Fastify and its plugins raise on a bad request, by error
 * code: a body that is not JSON, an empty JSON body, a body or file too large, an unsupported
 * media type, a broken or over-limit multipart upload, a bad URL, a bad compressed body.
 */
const BY_CODE: Record<string, Answerer> = {
  FST_ERR_CTP_INVALID_JSON_BODY: fixed(
    400,
    "invalid_json",
    "Тело запроса — не JSON (или в нём недопустимое поле __proto__): проверьте кавычки, запятые и скобки.",
  ),
  FST_ERR_CTP_EMPTY_JSON_BODY: fixed(
    400,
    "invalid_json",
    "Тело запроса пусто, хотя указан тип application/json: отправьте JSON или не указывайте Content-Type.",
  ),
  FST_ERR_CTP_BODY_TOO_LARGE: (request) => ({
    status: 413,
    error: "payload_too_large",
    message: `Тело запроса слишком большое: допустимо до ${megabytes(request.routeOptions.bodyLimit ?? 0)} МБ.`,
  }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (request) => ({
    status: 415,
    error: "unsupported_media_type",
    message: `Неподдерживаемый тип содержимого «${contentTypeOf(request)}»: API принимает JSON (application/json), файлы — формой multipart/form-data.`,
  }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: fixed(
    400,
    "bad_request",
    "Размер тела запроса не совпадает с заголовком Content-Length.",
  ),
  FST_ERR_BAD_URL: fixed(
    400,
    "bad_request",
    "Неверный адрес: в нём недопустимая последовательность символов (например, «%» без двух шестнадцатеричных цифр).",
  ),
  FST_ERR_MAX_PARAM_LENGTH: fixed(414, "bad_request", "Неверный адрес: слишком длинная часть адреса."),
  FST_ERR_ASYNC_CONSTRAINT: fixed(400, "bad_request", "Запрос не подходит ни к одному адресу API."),
  FST_ERR_VALIDATION: fixed(400, "invalid_input", "Неверные данные запроса."),
  FST_ERR_NOT_FOUND: fixed(404, "not_found", "Не найдено."),
  FST_REQ_FILE_TOO_LARGE: fixed(
    413,
    "payload_too_large",
    "Файл слишком большой для загрузки: разделите его на части.",
  ),
  FST_FILES_LIMIT: fixed(413, "payload_too_large", "За один раз можно загрузить только один файл."),
  FST_PARTS_LIMIT: fixed(413, "payload_too_large", "В форме загрузки слишком много частей."),
  FST_FIELDS_LIMIT: fixed(413, "payload_too_large", "В форме загрузки слишком много полей."),
  FST_PROTO_VIOLATION: fixed(400, "bad_request", "Недопустимое имя поля формы (__proto__ или constructor)."),
  FST_INVALID_MULTIPART_CONTENT_TYPE: fixed(
    415,
    "unsupported_media_type",
    "Файл нужно отправлять формой multipart/form-data.",
  ),
  FST_INVALID_JSON_FIELD_ERROR: fixed(
    400,
    "invalid_json",
    "Поле формы объявлено как JSON, но его содержимое — не JSON.",
  ),
  FST_MP_PREMATURE_CLOSE: fixed(
    400,
    "bad_request",
    "Загрузка прервалась, не дойдя до конца файла: отправьте файл снова.",
  ),
  FST_CP_ERR_INVALID_CONTENT_ENCODING: fixed(
    415,
    "unsupported_media_type",
    "Неподдерживаемое сжатие тела запроса (Content-Encoding): используйте gzip, deflate или br.",
  ),
  FST_CP_ERR_INVALID_CONTENT: fixed(400, "bad_request", "Тело запроса не удалось распаковать."),
};

/** The messages of the multipart parser (busboy), which come without a code: a cut or malformed upload. */
const MULTIPART_MESSAGES = [
  /^Unexpected end of multipart data$/,
  /^Multipart: Boundary not found$/,
  /terminated early due to unexpected end of multipart data$/,
];

/** Russian words for a client error whose code is not known, by status. */
const BY_STATUS: Record<number, string> = {
  400: "Неверный запрос.",
  404: "Не найдено.",
  405: "Этот метод для адреса не поддерживается.",
  406: "Сервер не может ответить в запрошенном формате.",
  408: "Запрос не дошёл целиком за отведённое время: повторите его.",
  411: "В запросе нет заголовка Content-Length.",
  413: "Запрос слишком большой.",
  414: "Слишком длинный адрес.",
  415: "Неподдерживаемый тип содержимого.",
  431: "Слишком большие заголовки запроса.",
};

/**
 * The answer to an error the framework (not the application) raised for a bad request: by its
 * code, by the multipart parser's message, or by its 4xx status; undefined for everything else
 * (a failure of the server). Never passes the framework's English text on to the user.
 */
export function frameworkErrorAnswer(err: FastifyError, request: FastifyRequest): ErrorAnswer | undefined {
  const byCode = err.code === undefined ? undefined : BY_CODE[err.code];
  if (byCode) return byCode(request);
  if (err.statusCode === undefined && MULTIPART_MESSAGES.some((pattern) => pattern.test(err.message))) {
    return {
      status: 400,
      error: "bad_request",
      message: "Файл передан не полностью или форма загрузки повреждена: отправьте файл снова.",
    };
  }
  const status = err.statusCode;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  return { status, error: "bad_request", message: BY_STATUS[status] ?? `Запрос отклонён (код ${status}).` };
}
