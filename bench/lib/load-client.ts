import { loadMix, loadTest } from "./load";

/**
 * The load generator as its own process, so that it does not share the server's JavaScript thread:
 * `tsx bench/lib/load-client.ts '{"kind":"single"|"mix","opts":{…}}'` prints the figures as one JSON line.
 */
const request = JSON.parse(process.argv[2] ?? "{}");
const figures = request.kind === "mix" ? await loadMix(request.opts) : await loadTest(request.opts);
process.stdout.write(`${JSON.stringify(figures)}\n`);
