import type { Client } from "../support/http";

/** A multipart body with one file field, as a browser sends it. */
export function multipart(fileName: string, content: string | Buffer) {
  const boundary = "----opora-test-boundary";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    typeof content === "string" ? Buffer.from(content, "utf8") : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a file for import as the client (POST /api/import/uploads). */
export async function upload(client: Client, fileName: string, content: string | Buffer, kind = "values") {
  return client.request({
    method: "POST",
    url: `/api/import/uploads?kind=${kind}`,
    ...multipart(fileName, content),
  });
}

/** Polls a job until it is done or failed (the test's own timeout bounds the wait). */
export async function waitForJob(client: Client, jobId: number) {
  for (;;) {
    const res = await client.request({ method: "GET", url: `/api/jobs/${jobId}` });
    const job = res.json();
    if (res.statusCode !== 200) throw new Error(`job ${jobId}: ${res.statusCode} ${res.body}`);
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Uploads a file and runs it (dry run or for real) with the proposed or given mapping; the finished job. */
export async function uploadAndRun(
  client: Client,
  opts: {
    fileName: string;
    content: string | Buffer;
    kind?: "values" | "schools";
    dryRun: boolean;
    mapping?: unknown;
  },
) {
  const kind = opts.kind ?? "values";
  const res = await upload(client, opts.fileName, opts.content, kind);
  if (res.statusCode !== 200) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  const inspection = res.json();
  const run = await client.request({
    method: "POST",
    url: "/api/import/runs",
    payload: {
      uploadId: inspection.uploadId,
      kind,
      mapping: opts.mapping ?? inspection.mapping,
      dryRun: opts.dryRun,
    },
  });
  if (run.statusCode !== 200) throw new Error(`run: ${run.statusCode} ${run.body}`);
  return { inspection, job: await waitForJob(client, run.json().jobId) };
}
