/** The answer every refusal gets, so a stranger cannot tell "exists but not yours" from "does not exist". */
export const NOT_FOUND = { ok: false, error: "We couldn't find that connection." } as const;
