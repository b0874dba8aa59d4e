export * from "./users";
export * from "./connections";
export * from "./scheduling";
export * from "./messaging";
export * from "./practice";
export * from "./notifications";
export * from "./rate-limits";
export * from "./statistics";
