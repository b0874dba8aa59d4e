import { periodicFunctions } from "./periodic";

export const functions = [...periodicFunctions];
