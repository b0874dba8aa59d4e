import { failure, type ActionFailure, type ActionResult, type FailureCode } from "@/lib/actions";
import { env } from "@/lib/env";

export const PRIVATE_NO_STORE = { "cache-control": "private, no-store" } as const;

const STATUS: Record<FailureCode, number> = {
  invalid: 400,
  "session-ended": 401,
  forbidden: 403,
  "not-found": 404,
  "too-large": 413,
  unavailable: 503,
};

export function failureResponse({ error, code, fieldErrors }: ActionFailure): Response {
  return Response.json(
    { error, ...(code && { code }), ...(fieldErrors && { fieldErrors }) },
    { status: code ? STATUS[code] : 400, headers: PRIVATE_NO_STORE },
  );
}

export function resultResponse<T>(result: ActionResult<T>): Response {
  return result.ok ? Response.json(result.data ?? null, { headers: PRIVATE_NO_STORE }) : failureResponse(result);
}

/** CSRF check as Next does for actions. request.url is not used: behind a proxy it need not carry the public host. */
export function crossOriginRefusal(request: Request): Response | null {
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const requestHost = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = undefined; // "null" (sandboxed frames, file pages) and garbage alike
  }
  if (originHost && (originHost === requestHost || originHost === new URL(env().APP_URL).host)) return null;
  return failureResponse(failure("forbidden", "Cross-origin requests are not allowed"));
}

export type BodyRead<T> = { ok: true; value: T } | { ok: false; response: Response };

const tooLarge = (maxBytes: number): BodyRead<never> => ({
  ok: false,
  response: failureResponse(failure("too-large", `The request body is over ${maxBytes.toLocaleString("en-GB")} bytes.`)),
});

/**
 * The body as text, read no further than `maxBytes`: a larger Content-Length is refused unread, and a body without one
 * (chunked) or longer than it said is cut off at the limit. Either way the answer is 413, never a parse of the rest.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<BodyRead<string>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (!Number.isFinite(declared) || declared > maxBytes) return tooLarge(maxBytes);
  if (!request.body) return { ok: true, value: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      return tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return { ok: true, value: Buffer.concat(chunks).toString("utf8") };
}

/** A JSON body within `maxBytes`; one that does not parse reads as null, for the schema to refuse. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyRead<unknown>> {
  const read = await readBodyText(request, maxBytes);
  if (!read.ok) return read;
  try {
    return { ok: true, value: JSON.parse(read.value) as unknown };
  } catch {
    return { ok: true, value: null };
  }
}

/** A form-encoded body within `maxBytes`, as its fields (the last of a repeated name wins). */
export async function readFormBody(request: Request, maxBytes: number): Promise<BodyRead<Record<string, string>>> {
  const read = await readBodyText(request, maxBytes);
  return read.ok ? { ok: true, value: Object.fromEntries(new URLSearchParams(read.value)) } : read;
}
