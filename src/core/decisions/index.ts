/** Results of the programme, exit decisions and their summary sentences (issue 13). */
export * from "./decision";
export * from "./labels";
export * from "./results";
export * from "./summary";
