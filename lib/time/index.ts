/** Time in one place: durations, conversion between instants and wall clocks, and the named display formats. */
export * from "./durations";
export * from "./format";
export * from "./zones";
