/** Report-quality control (issue 13, 5): near-duplicate texts and the rules (b)–(e), pure. */
export * from "./comparison";
export * from "./minhash";
export * from "./monitoring-records";
export * from "./recommendations";
export * from "./sentences";
export * from "./similarity";
export * from "./words";
