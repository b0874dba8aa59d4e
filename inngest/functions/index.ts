import { eventFunctions } from "./events";
import { periodicFunctions } from "./periodic";

export const functions = [...periodicFunctions, ...eventFunctions];
