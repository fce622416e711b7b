import path from "node:path";
import { z } from "zod";

const boolFromEnv = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

/** Configuration read from the environment and validated at boot. */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL должен начинаться с postgres://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  OPORA_DATA_DIR: z.string().default("./data"),
  OPORA_SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  OPORA_LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  OPORA_COOKIE_SECURE: boolFromEnv.default(false),
  // warn: the terminal of `opora serve` shows problems, not a JSON line per request; info adds them
  OPORA_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  OPORA_WEB_DIR: z.string().default("./dist/web"),
  // 0: demo accounts do not sign in and no demo sign-ins are offered (`opora serve --no-demo`)
  OPORA_DEMO: boolFromEnv.default(true),
  // uploads for import wait under <data dir>/uploads: removed once imported or after the TTL
  OPORA_UPLOAD_TTL_HOURS: z.coerce.number().positive().default(24),
  OPORA_UPLOAD_MAX_FILES: z.coerce.number().int().positive().default(20),
  OPORA_UPLOAD_MAX_MB: z.coerce.number().positive().default(1024),
});

/** Where uploaded files wait for their import, and how much of them one user may hold. */
export type UploadConfig = { dir: string; ttlMs: number; maxFiles: number; maxBytes: number };

/** Validated configuration of one Opora process. */
export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionTtlMs: number;
  loginRateLimit: number;
  cookieSecure: boolean;
  logLevel: z.infer<typeof configSchema>["OPORA_LOG_LEVEL"];
  webDir: string;
  /** Whether demo accounts may sign in and the login page offers them (needs a demo region too). */
  demoEnabled: boolean;
  uploads: UploadConfig;
};

/** Reads and validates the configuration; throws a readable error naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Неверная конфигурация:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  const dataDir = path.resolve(c.OPORA_DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir,
    sessionTtlMs: c.OPORA_SESSION_TTL_HOURS * 3600_000,
    loginRateLimit: c.OPORA_LOGIN_RATE_LIMIT,
    cookieSecure: c.OPORA_COOKIE_SECURE,
    logLevel: c.OPORA_LOG_LEVEL,
    webDir: path.resolve(c.OPORA_WEB_DIR),
    demoEnabled: c.OPORA_DEMO,
    uploads: {
      dir: path.join(dataDir, "uploads"),
      ttlMs: c.OPORA_UPLOAD_TTL_HOURS * 3600_000,
      maxFiles: c.OPORA_UPLOAD_MAX_FILES,
      maxBytes: Math.round(c.OPORA_UPLOAD_MAX_MB * 1024 * 1024),
    },
  };
}
