import { loadTest } from "./load";

/**
 * The load generator as its own process, so that it does not share the server's JavaScript thread:
 * `tsx bench/lib/load-client.ts '<json options>'` prints the figures as one JSON line.
 */
const options = JSON.parse(process.argv[2] ?? "{}");
const figures = await loadTest(options);
process.stdout.write(`${JSON.stringify(figures)}\n`);
