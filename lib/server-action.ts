import "server-only";
import { revalidatePath } from "next/cache";
import type { User } from "@/db/schema";
import { formValues, SESSION_ENDED, type ActionInput, type ActionResult, type ServerAction } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/auth/rate-limit";

export interface Visitor {
  ip: string;
}

type Success<T> = Extract<ActionResult<T>, { ok: true }>;
type Domain<Actor, T> = (actor: Actor, input: unknown) => Promise<ActionResult<T>>;

export interface ActionOptions<Actor, T, R> {
  revalidate?: readonly string[];
  /** Next ends the request by throwing for redirects; a result returned here replaces the domain's. */
  onSuccess?: (result: Success<T>, actor: Actor) => Promise<ActionResult<R> | void>;
}

type Kind = "user" | "anonymous";

// Every action made here, so a test can tell that no exported action was written by hand, and which need a session.
const madeHere = new WeakMap<object, Kind>();

export function actionKind(value: unknown): Kind | undefined {
  return typeof value === "function" ? madeHere.get(value) : undefined;
}

function normalise(input: ActionInput | undefined): unknown {
  return input instanceof FormData ? formValues(input) : (input ?? {});
}

function wrap<Actor, T, R>(
  kind: Kind,
  resolveActor: () => Promise<Actor | null>,
  domain: Domain<Actor, T>,
  { revalidate = [], onSuccess }: ActionOptions<Actor, T, R>,
): ServerAction<R> {
  const action = async (_previous: unknown, input: ActionInput): Promise<ActionResult<R>> => {
    const actor = await resolveActor();
    if (!actor) return SESSION_ENDED;
    const result = await domain(actor, normalise(input));
    if (!result.ok) return result;
    for (const path of revalidate) revalidatePath(path, "layout");
    return (await onSuccess?.(result, actor)) ?? (result as unknown as ActionResult<R>);
  };
  madeHere.set(action, kind);
  return action;
}

/** The session is re-checked against the database, and the domain authorises and validates: every action is a public endpoint. */
export function userAction<T, R = T>(domain: Domain<User, T>, options: ActionOptions<User, T, R> = {}): ServerAction<R> {
  return wrap("user", getCurrentUser, domain, options);
}

/** Whatever session the browser may hold is not consulted. */
export function anonymousAction<T, R = T>(domain: Domain<Visitor, T>, options: ActionOptions<Visitor, T, R> = {}): ServerAction<R> {
  return wrap("anonymous", async () => ({ ip: await clientIp() }), domain, options);
}
