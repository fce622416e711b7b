import { gzipSync } from "node:zlib";
import fastifyCompress from "@fastify/compress";
import fastifyMultipart from "@fastify/multipart";
import Fastify, { type FastifyInstance, type InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerErrorHandler } from "../../src/server/http/errors.hooks";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildWorld, type Clients, signInAll, type World } from "./world";

/** Technical names a Russian message may quote (header values, formats, field names). */
const TECHNICAL =
  /«[^»]*»|application\/json|multipart\/form-data|Content-(Type|Length|Encoding)|JSON|API|gzip|deflate|br|__proto__|constructor/g;

/** The answer is the one JSON shape with a Russian message and no English word left in it. */
function expectRussian(
  body: { error: string; message: string; issues: unknown[] },
  status: number,
  code: number,
) {
  expect(code).toBe(status);
  expect(body).toMatchObject({ error: expect.any(String), issues: [] });
  expect(body.message).toMatch(/[а-яё]{3,}/i);
  expect(body.message.replace(TECHNICAL, "")).not.toMatch(/[a-z]{2,}/i);
}

const boundary = "----opora-errors";
const form = (content: string) => ({
  headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  payload: content,
});

describe.each(testEngines())("framework errors speak Russian ($kind)", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;

  async function send(opts: InjectOptions) {
    const res = await c.adminA.request(opts);
    return { code: res.statusCode, body: res.json() };
  }

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    c = await signInAll(world.app, world);
  });
  afterAll(async () => {
    await world.app.close();
    await database.close();
  });

  const json = { "content-type": "application/json" };
  const runs = { method: "POST" as const, url: "/api/import/runs" };

  it("a body that is not JSON, or smuggles __proto__", async () => {
    const bad = await send({ ...runs, headers: json, payload: "{ uploadId: 1," });
    expectRussian(bad.body, 400, bad.code);
    expect(bad.body.message).toMatch(/^Тело запроса — не JSON/);
    const proto = await send({ ...runs, headers: json, payload: '{"__proto__": {"isAdmin": true}}' });
    expectRussian(proto.body, 400, proto.code);
  });

  it("an empty body with content-type json", async () => {
    const res = await send({ ...runs, headers: json, payload: "" });
    expectRussian(res.body, 400, res.code);
    expect(res.body.message).toMatch(/^Тело запроса пусто/);
  });

  it("a body too large (413), naming the limit", async () => {
    const res = await send({ ...runs, headers: json, payload: JSON.stringify({ x: "я".repeat(2_000_000) }) });
    expectRussian(res.body, 413, res.code);
    expect(res.body.message).toBe("Тело запроса слишком большое: допустимо до 2 МБ.");
  });

  it("an unsupported media type (415), and a Content-Length that does not match", async () => {
    const xml = await send({ ...runs, headers: { "content-type": "application/xml" }, payload: "<run/>" });
    expectRussian(xml.body, 415, xml.code);
    expect(xml.body.message).toContain("«application/xml»");
    const length = await send({ ...runs, headers: { ...json, "content-length": "10" }, payload: "{}" });
    expectRussian(length.body, 400, length.code);
  });

  it("a bad URL and a too long parameter, answered before any route", async () => {
    const bad = await send({ method: "GET", url: "/api/schools/%E0%A4%A" });
    expectRussian(bad.body, 400, bad.code);
    const long = await send({ method: "GET", url: `/api/schools/${"1".repeat(200)}` });
    expectRussian(long.body, 414, long.code);
  });

  it("an unknown route (404) is Russian already", async () => {
    const res = await send({ method: "GET", url: "/api/no-such-route" });
    expect(res).toEqual({
      code: 404,
      body: { error: "not_found", message: "Нет такого адреса: /api/no-such-route", issues: [] },
    });
  });

  it("an upload that is not multipart, has no boundary, or is cut short", async () => {
    const uploads = { method: "POST" as const, url: "/api/import/uploads" };
    const plain = await send({ ...uploads, headers: json, payload: "{}" });
    expectRussian(plain.body, 415, plain.code);
    const noBoundary = await send({
      ...uploads,
      headers: { "content-type": "multipart/form-data" },
      payload: "x",
    });
    expectRussian(noBoundary.body, 400, noBoundary.code);
    const cut = await send({
      ...uploads,
      ...form(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na;b\n1;2`,
      ),
    });
    expectRussian(cut.body, 400, cut.code);
    expect(cut.body.message).toMatch(/^Файл передан не полностью/);
  });
});

describe("the errors of the upload and compression plugins speak Russian", () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    registerErrorHandler(app);
    await app.register(fastifyCompress);
    await app.register(fastifyMultipart, { limits: { fileSize: 16, files: 1, fields: 1, parts: 3 } });
    app.post("/upload", async (request) => {
      let parts = 0;
      for await (const part of request.parts()) {
        parts++;
        if (part.type === "file") for await (const _chunk of part.file) void _chunk;
      }
      return { parts };
    });
    app.post("/echo", async (request) => ({ body: request.body }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  async function send(opts: InjectOptions) {
    const res = await app.inject(opts);
    return { code: res.statusCode, body: res.json() };
  }

  const file = (name: string, content: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.csv"\r\n\r\n${content}\r\n`;
  const field = (name: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\nx\r\n`;

  it("a file over the size limit, a second file, too many fields", async () => {
    const big = await send({
      method: "POST",
      url: "/upload",
      ...form(`${file("a", "x".repeat(100))}--${boundary}--\r\n`),
    });
    expectRussian(big.body, 413, big.code);
    expect(big.body.message).toMatch(/^Файл слишком большой/);
    const two = await send({
      method: "POST",
      url: "/upload",
      ...form(`${file("a", "1")}${file("b", "2")}--${boundary}--\r\n`),
    });
    expectRussian(two.body, 413, two.code);
    const fields = await send({
      method: "POST",
      url: "/upload",
      ...form(`${field("a")}${field("b")}--${boundary}--\r\n`),
    });
    expectRussian(fields.body, 413, fields.code);
  });

  it("a request body compressed in an unknown way, or not decompressible", async () => {
    const unknown = await send({
      method: "POST",
      url: "/echo",
      headers: { "content-type": "application/json", "content-encoding": "zstd-nope" },
      payload: "{}",
    });
    expectRussian(unknown.body, 415, unknown.code);
    const broken = await send({
      method: "POST",
      url: "/echo",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      payload: gzipSync("{}").subarray(0, 8),
    });
    expectRussian(broken.body, 400, broken.code);
    expect(
      (
        await send({
          method: "POST",
          url: "/echo",
          headers: { "content-type": "application/json" },
          payload: '{"a":1}',
        })
      ).body,
    ).toEqual({ body: { a: 1 } });
  });
});
