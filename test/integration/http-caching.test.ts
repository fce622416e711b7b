import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/server/platform/db";
import { precompressDirectory } from "../../src/web/precompress.plugin";
import viteConfig from "../../src/web/vite.config";
import { testEngines } from "../support/db";
import { buildRegion, buildSchool, buildUser } from "../support/factories";
import { buildTestApp, type Client, signIn } from "../support/http";

/** A JavaScript file of about `kb` kilobytes that compresses as real bundles do (names repeat, numbers vary). */
function bundle(kb: number, seed: number): string {
  const lines: string[] = [];
  for (let i = 0; lines.join("\n").length < kb * 1024; i++) {
    lines.push(
      `export function component${i}(props){const value=props.items[${(i * seed) % 997}];return createElement("div",{className:"row-${i % 17}"},value?.label??"—");}`,
    );
  }
  return lines.join("\n");
}

const IMMUTABLE = "public, max-age=31536000, immutable";

describe.each(testEngines())("compression and caching headers on $kind", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let webDir: string;
  let client: Client;
  const built = bundle(300, 7);
  const late = bundle(200, 13);

  beforeAll(async () => {
    webDir = await mkdtemp(path.join(tmpdir(), "opora-web-"));
    await mkdir(path.join(webDir, "assets"));
    await writeFile(
      path.join(webDir, "index.html"),
      `<!doctype html><html><body>${"<p>Опора</p>".repeat(200)}</body></html>`,
    );
    await writeFile(path.join(webDir, "assets", "index-Ab12Cd34.js"), built);
    await writeFile(
      path.join(webDir, "assets", "index-Ab12Cd34.js.map"),
      '{"version":3,"sources":["secret.ts"]}',
    );
    await precompressDirectory(webDir);
    // written after the build's precompression: the server compresses it as it sends it
    await writeFile(path.join(webDir, "assets", "late-Zz99Yy88.js"), late);
    database = await engine.open();
    const regionId = (await buildRegion(database.db)).id;
    // enough schools for the list to pass the 1 KiB below which nothing is compressed
    for (let i = 0; i < 10; i++) await buildSchool(database.db, { regionId });
    app = await buildTestApp(database, { OPORA_WEB_DIR: webDir });
    client = await signIn(app, (await buildUser(database.db, { role: "region_analyst", regionId })).login);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await rm(webDir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: "GET", url, headers });

  it("sends a big hashed asset brotli-compressed (built beside it), cached as immutable", async () => {
    const res = await get("/assets/index-Ab12Cd34.js", { "accept-encoding": "gzip, deflate, br" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers["cache-control"]).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(built.length / 4);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(built);
  });

  it("sends gzip to a client without brotli, and the plain file to one that accepts neither", async () => {
    const gz = await get("/assets/index-Ab12Cd34.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(built);
    const plain = await get("/assets/index-Ab12Cd34.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["cache-control"]).toBe(IMMUTABLE);
    expect(plain.body).toBe(built);
  });

  it("compresses an asset without a precompressed copy as it sends it", async () => {
    const res = await get("/assets/late-Zz99Yy88.js", { "accept-encoding": "br" });
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["cache-control"]).toBe(IMMUTABLE);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(late);
  });

  it("revalidates index.html, also as the fallback of a client-side route", async () => {
    for (const url of ["/", "/index.html", "/schools/5"]) {
      const res = await get(url, { "accept-encoding": "br" });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"], url).toMatch(/text\/html/);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toContain("<p>Опора</p>");
    }
  });

  it("serves no source map, even one left in the build directory", async () => {
    const res = await get("/assets/index-Ab12Cd34.js.map");
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain("secret.ts");
    expect((await get("/assets/missing-00000000.js")).statusCode).toBe(404);
  });

  it("answers every /api request with Cache-Control: no-store", async () => {
    const answers = [
      await get("/api/health"),
      await get("/api/auth/me"),
      await get("/api/nothing-here"),
      await client.request({ method: "GET", url: "/api/schools" }),
      await client.request({ method: "GET", url: "/api/schools/999999" }),
      await app.inject({ method: "POST", url: "/api/auth/login", payload: { login: "x", password: "y" } }),
      await client.request({ method: "GET", url: "/api/openapi.json" }),
    ];
    // an unknown address answers 401 to anonymous too: authentication comes first
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 401, 200, 404, 401, 200]);
    for (const res of answers) expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("compresses API answers for clients that accept it", async () => {
    const plain = await client.request({ method: "GET", url: "/api/openapi.json" });
    const res = await client.request({
      method: "GET",
      url: "/api/openapi.json",
      headers: { "accept-encoding": "br" },
    });
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString())).toEqual(plain.json());
    const list = await client.request({
      method: "GET",
      url: "/api/schools",
      headers: { "accept-encoding": "gzip" },
    });
    expect(list.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(list.rawPayload).toString()).total).toBe(10);
  });
});

describe("the production build", () => {
  it("writes no source maps and precompresses its assets", () => {
    expect(viteConfig.build?.sourcemap).toBe(false);
    const names = (viteConfig.plugins ?? []).flat().map((p) => (p && "name" in p ? p.name : ""));
    expect(names).toContain("opora-precompress");
  });
});
