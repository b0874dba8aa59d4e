import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { SESSION_ENDED, type ServerAction } from "@/lib/actions";
import { actionKind } from "@/lib/server-action";

const sessionUser = vi.hoisted(() => ({ current: null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => sessionUser.current, requireUser: async () => sessionUser.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/** Server actions are public POST endpoints: a new one must be listed here, with the test covering its rule. */
const AUTHORIZED_BY: Record<string, string> = {
  "app/(app)/lessons/actions.ts#previewTermAction":
    "scheduling term tests (the teacher of every accepted connection named; anyone else: not found)",
  "app/(app)/lessons/actions.ts#bookTermAction":
    "scheduling term tests (the teacher of every accepted connection named; anyone else: not found)",
  "app/(app)/lessons/actions.ts#requestLessonsAction":
    "own lessons and accepted connections only; scheduling matrix (lib/scheduling/__tests__/authorization.test.ts)",
  "app/(app)/lessons/actions.ts#approveRequestAction":
    "own lessons and accepted connections only; scheduling matrix (lib/scheduling/__tests__/authorization.test.ts)",
  "app/(app)/lessons/actions.ts#declineRequestAction":
    "own lessons and accepted connections only; scheduling matrix (lib/scheduling/__tests__/authorization.test.ts)",
  "app/(app)/lessons/actions.ts#withdrawRequestAction":
    "own lessons and accepted connections only; scheduling matrix (lib/scheduling/__tests__/authorization.test.ts)",
  "app/(app)/lessons/actions.ts#proposeRescheduleAction":
    "own lessons and accepted connections only; scheduling matrix (lib/scheduling/__tests__/authorization.test.ts)",
  "app/(app)/lessons/actions.ts#approveRescheduleAction":
    "own lessons and accepted connections only; scheduling matrix (lib/scheduling/__tests__/authorization.test.ts)",
  "app/(app)/lessons/actions.ts#declineRescheduleAction":
    "own lessons and accepted connections only; scheduling matrix (lib/scheduling/__tests__/authorization.test.ts)",
  "app/(app)/lessons/actions.ts#cancelLessonAction":
    "own lessons and accepted connections only; scheduling matrix (lib/scheduling/__tests__/authorization.test.ts)",
  "app/(app)/lessons/actions.ts#cancelSeriesFromAction":
    "own lessons and accepted connections only; scheduling matrix (lib/scheduling/__tests__/authorization.test.ts)",
  "app/(app)/lessons/actions.ts#markAttendanceAction":
    "own lessons and accepted connections only; scheduling matrix (lib/scheduling/__tests__/authorization.test.ts)",
  "app/(app)/lessons/actions.ts#createEventAction":
    "own lessons and accepted connections only; scheduling matrix (lib/scheduling/__tests__/authorization.test.ts)",
  "app/(app)/lessons/actions.ts#updateEventAction":
    "own lessons and accepted connections only; scheduling matrix (lib/scheduling/__tests__/authorization.test.ts)",
  "app/(app)/lessons/actions.ts#deleteEventAction":
    "own lessons and accepted connections only; scheduling matrix (lib/scheduling/__tests__/authorization.test.ts)",
  "app/(app)/lessons/actions.ts#regenerateFeedAction":
    "own lessons and accepted connections only; scheduling matrix (lib/scheduling/__tests__/authorization.test.ts)",
  "app/api/calendar/route.ts#GET": "the viewer's own lessons and events (lib/scheduling/__tests__/queries.test.ts)",
  "app/api/calendar/feed/[token]/route.ts#GET": "secret per-user feed token, stored hashed (lib/scheduling/__tests__/feed.test.ts)",
  // Signed-out flows: no resource of anyone's, rate limited per IP or account.
  "app/(auth)/sign-in/actions.ts#signInAction": "public; rate limited (lib/auth/__tests__/sign-in-limits.test.ts)",
  "app/(auth)/sign-in/verify/actions.ts#verifySignInCodeAction": "signed pending-sign-in cookie (lib/auth/__tests__/two-factor.test.ts)",
  "app/(auth)/sign-in/verify/actions.ts#resendSignInCodeAction": "signed pending-sign-in cookie (lib/auth/__tests__/two-factor.test.ts)",
  "app/(auth)/sign-in/verify/actions.ts#cancelSignInAction": "clears the caller's own pending cookie",
  "app/(auth)/sign-up/actions.ts#signUpAction": "public; same answer for every email (lib/accounts/__tests__/sign-up.test.ts)",
  "app/(auth)/verify-email/actions.ts#verifyEmailAction": "single-use emailed token (lib/accounts/__tests__/sign-up.test.ts)",
  "app/(auth)/forgot-password/actions.ts#forgotPasswordAction":
    "public; same answer for every email (lib/accounts/__tests__/password-reset.test.ts)",
  "app/(auth)/reset-password/actions.ts#resetPasswordAction": "single-use emailed token (lib/accounts/__tests__/password-reset.test.ts)",
  // Signed in, acting on the caller's own account only.
  "app/(app)/actions.ts#signOutAction": "own session only; works without a live session, to clear an ended one's cookie",
  "app/(app)/actions.ts#resendVerificationAction": "own account only (session user)",
  "app/(app)/settings/actions.ts#updateProfileAction": "own account only; strict schema (lib/accounts/__tests__/settings.test.ts)",
  "app/(app)/settings/actions.ts#requestEmailChangeAction": "own account, current password (lib/accounts/__tests__/settings.test.ts)",
  "app/(app)/settings/actions.ts#changePasswordAction":
    "own account, current password (lib/accounts/__tests__/settings.test.ts, e2e/settings.spec.ts)",
  "app/(app)/settings/actions.ts#signOutEverywhereAction": "own account, explicit confirmation (lib/accounts/__tests__/settings.test.ts)",
  "app/(app)/settings/actions.ts#deleteAccountAction":
    "own account, current password and confirmation (lib/accounts/__tests__/settings.test.ts)",
  "app/(app)/settings/actions.ts#startTwoFactorAction": "own account only (lib/auth/__tests__/two-factor.test.ts)",
  "app/(app)/settings/actions.ts#confirmTwoFactorAction": "own account only (lib/auth/__tests__/two-factor.test.ts)",
  "app/(app)/settings/actions.ts#disableTwoFactorAction": "own account only (lib/auth/__tests__/two-factor.test.ts)",
  "app/(app)/settings/actions.ts#updateNotificationPreferencesAction":
    "own account only; strict schema, no user id accepted (lib/notifications/__tests__/preferences.test.ts)",
  "app/(app)/settings/actions.ts#subscribeDeviceAction":
    "own account only; strict schema, known push services only, an endpoint moves to its latest user (lib/push/__tests__/devices.test.ts)",
  "app/(app)/settings/actions.ts#removeDeviceAction": "own devices only; anyone else's: not found (lib/push/__tests__/devices.test.ts)",
  "app/(app)/settings/actions.ts#sendTestPushAction": "own devices only, no input (lib/push/__tests__/push.test.ts)",
  // Assignments and practice: lib/access, covered by lib/practice/__tests__/authorization-matrix.test.ts.
  "app/(app)/assignments/actions.ts#createAssignmentAction": "practice matrix (teacher of the accepted connection)",
  "app/(app)/assignments/actions.ts#updateAssignmentAction": "practice matrix (teacher of the assignment's accepted connection)",
  "app/(app)/assignments/actions.ts#deleteAssignmentAction": "practice matrix (teacher of the assignment's accepted connection)",
  "app/(app)/assignments/actions.ts#completeAssignmentAction": "practice matrix (student of the assignment's accepted connection)",
  "app/(app)/assignments/actions.ts#uncompleteAssignmentAction": "practice matrix (student of the assignment's accepted connection)",
  "app/(app)/assignments/actions.ts#reopenAssignmentAction": "practice matrix (teacher of the assignment's accepted connection)",
  "app/(app)/assignments/actions.ts#logPracticeAction": "practice matrix (student of the accepted connection)",
  "app/(app)/assignments/actions.ts#updatePracticeAction": "practice matrix (student of the entry's accepted connection)",
  "app/(app)/assignments/actions.ts#deletePracticeAction": "practice matrix (student of the entry's accepted connection)",
  "app/(app)/assignments/actions.ts#setPracticeGoalAction": "practice matrix (teacher of the accepted connection)",
  // Connections: lib/access, covered by lib/connections/__tests__/authorization-matrix.test.ts.
  "app/(app)/students/actions.ts#inviteStudentAction": "verified teachers only; connections matrix",
  "app/(app)/students/actions.ts#resendInvitationAction": "connections matrix (teacher of the pending invitation)",
  "app/(app)/students/actions.ts#cancelInvitationAction": "connections matrix (teacher of the pending invitation)",
  "app/(app)/students/[connectionId]/actions.ts#addNoteAction": "connections matrix (teacher of the accepted connection)",
  "app/(app)/students/[connectionId]/actions.ts#updateNoteAction": "connections matrix (teacher of the note's accepted connection)",
  "app/(app)/students/[connectionId]/actions.ts#deleteNoteAction": "connections matrix (teacher of the note's accepted connection)",
  "app/(app)/students/[connectionId]/actions.ts#setMessagingLockedAction": "connections matrix (teacher of the accepted connection)",
  "app/(app)/students/[connectionId]/actions.ts#setBookingModeAction": "connections matrix (teacher of the accepted connection)",
  "app/(app)/students/[connectionId]/actions.ts#endConnectionWithStudentAction":
    "connections matrix (either party of the accepted connection)",
  "app/(app)/teachers/actions.ts#acceptInvitationAction": "connections matrix (verified addressee of the pending invitation)",
  "app/(app)/teachers/actions.ts#declineInvitationAction": "connections matrix (verified addressee of the pending invitation)",
  "app/(app)/teachers/actions.ts#endConnectionWithTeacherAction": "connections matrix (either party of the accepted connection)",
  // Messaging: lib/access conversations (accepted, or an ended one's read-only history), in the connections matrix and
  // lib/messaging/__tests__/messages.test.ts (lock, ended, strangers, the other teacher's students).
  "app/(app)/messages/actions.ts#sendMessageAction":
    "connections matrix (either party of the accepted connection, student not while locked)",
  "app/(app)/messages/actions.ts#editMessageAction": "connections matrix (author only, open conversation, edit window)",
  "app/(app)/messages/actions.ts#deleteMessageAction": "connections matrix (author only, open conversation, edit window)",
  "app/(app)/messages/actions.ts#markConversationReadAction": "connections matrix (either party, ended history included)",
  "app/api/conversations/route.ts#GET": "the viewer's own conversations (app/api/conversations/__tests__/routes.test.ts)",
  "app/api/conversations/[connectionId]/messages/route.ts#GET":
    "parties only, 404 otherwise (app/api/conversations/__tests__/routes.test.ts)",
  "app/api/messages/[messageId]/route.ts#GET": "parties only, 404 otherwise (app/api/conversations/__tests__/routes.test.ts)",
  "app/api/auth/[...nextauth]/route.ts#GET":
    "Auth.js: /session (a revoked or outdated session reads as none), /csrf, /providers, and its sign-in, sign-out and error pages, which send to the app's own; no data",
  "app/api/auth/[...nextauth]/route.ts#POST":
    "Auth.js, CSRF-checked: /signout revokes the session as well as clearing the cookie, /callback/credentials is closed (404: passwords go through the rate-limited sign-in action), /callback/two-factor needs a sealed single-use sign-in ticket, /session only re-reads the token through the jwt callback (app/api/auth/[...nextauth]/__tests__/route.test.ts)",
  "app/api/exports/csv/route.ts#GET":
    "teachers only; their own connections, ended ones' history included (app/api/exports/__tests__/routes.test.ts)",
  "app/api/exports/account/route.ts#GET": "the session user's own data, no secrets (app/api/exports/__tests__/routes.test.ts)",
  "app/api/health/route.ts#GET":
    "public liveness probe, no data; ?deep=1 adds each dependency's state in words (no credential), computed at most every 30 s (app/api/health/__tests__/route.test.ts)",
  "app/api/test/accounts/route.ts#POST":
    "404 unless E2E_HOOKS=1 on an embedded server (lib/e2e/__tests__/routes.test.ts); makes a confirmed account as sign-up would, returns its id",
  "app/api/test/connections/route.ts#POST":
    "404 unless E2E_HOOKS=1 on an embedded server (lib/e2e/__tests__/routes.test.ts); connects two named accounts as an accepted invitation would",
  "app/api/test/reminders/sweep/route.ts#POST":
    "404 unless E2E_HOOKS=1 on an embedded server (lib/reminders/__tests__/test-clock.test.ts); runs the sweep, returns counts",
  "app/api/bench/statements/route.ts#GET": "404 unless the server runs a benchmark (BENCH=1); a statement count, no data",
  "app/api/inngest/route.ts#GET": "Inngest signing key (app/api/inngest/__tests__/route.test.ts)",
  "app/api/inngest/route.ts#POST": "Inngest signing key (app/api/inngest/__tests__/route.test.ts)",
  "app/api/inngest/route.ts#PUT": "Inngest signing key (app/api/inngest/__tests__/route.test.ts)",
  "app/api/notifications/route.ts#GET": "own notifications only (app/api/notifications/__tests__/routes.test.ts)",
  "app/api/notifications/read/route.ts#POST": "own notifications only, same origin (app/api/notifications/__tests__/routes.test.ts)",
  "app/api/push/subscription/route.ts#POST":
    "the session user's own device, same origin, known push services only (app/api/push/__tests__/subscription-route.test.ts)",
  "app/api/realtime/auth/route.ts#POST": "own user channel; accepted connections via lib/access (lib/realtime/__tests__)",
};

const root = path.resolve(import.meta.dirname, "..", "..");
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function filesUnder(directory: string): string[] {
  return readdirSync(path.join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "__tests__" ? [] : filesUnder(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

const sources = filesUnder("app");
const serverActionFiles = sources.filter((file) => /^\s*["']use server["']/.test(readFileSync(path.join(root, file), "utf8")));
const routeFiles = sources.filter((file) => /(^|\/)route\.tsx?$/.test(file));

async function entryPoints(): Promise<string[]> {
  const found: string[] = [];
  for (const file of serverActionFiles) {
    const exported = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) if (typeof value === "function") found.push(`${file}#${name}`);
  }
  for (const file of routeFiles) {
    const exported = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const name of Object.keys(exported)) if (HTTP_METHODS.has(name)) found.push(`${file}#${name}`);
  }
  return found.sort();
}

// The signed-out flows, and signing out: the only actions that run without a live session.
const ANONYMOUS = (entry: string) => entry.startsWith("app/(auth)/") || entry === "app/(app)/actions.ts#signOutAction";

async function exported(entry: string): Promise<unknown> {
  const [file, name] = entry.split("#") as [string, string];
  return ((await import(path.join(root, file))) as Record<string, unknown>)[name];
}

describe("endpoint inventory", () => {
  // Importing every action and route module is slow on a busy machine.
  it("lists every server action and route handler with how it is authorized", { timeout: 120_000 }, async () => {
    expect(serverActionFiles.length).toBeGreaterThan(5);
    expect(routeFiles.length).toBeGreaterThan(3);
    const found = await entryPoints();
    const unlisted = found.filter((entry) => !(entry in AUTHORIZED_BY));
    const gone = Object.keys(AUTHORIZED_BY).filter((entry) => !found.includes(entry));
    expect(unlisted, "add these to AUTHORIZED_BY with the test that covers them").toEqual([]);
    expect(gone, "remove these from AUTHORIZED_BY").toEqual([]);
  });

  it("makes every server action with the one wrapper, and needs a session for all but the signed-out flows", async () => {
    const actions = (await entryPoints()).filter((entry) => !/\/route\.tsx?#/.test(entry));
    expect(actions.length).toBeGreaterThan(40);
    for (const entry of actions) expect(actionKind(await exported(entry)), entry).toBe(ANONYMOUS(entry) ? "anonymous" : "user");
  });

  it("refuses every signed-in action without a session, whether sent a form or an object", async () => {
    const signedIn = Object.keys(AUTHORIZED_BY).filter((entry) => !entry.includes("/route.ts#") && !ANONYMOUS(entry));
    expect(signedIn.length).toBeGreaterThan(30);
    const form = new FormData();
    form.set("connectionId", "00000000-0000-0000-0000-000000000000");
    for (const entry of signedIn) {
      const action = (await exported(entry)) as ServerAction<unknown>;
      expect(await action(undefined, form), entry).toEqual(SESSION_ENDED);
      expect(await action(undefined, { lessonId: "00000000-0000-0000-0000-000000000000" }), entry).toEqual(SESSION_ENDED);
    }
  });

  it("answers every route handler's failures through lib/http, with no status written by hand", () => {
    for (const file of routeFiles) expect(readFileSync(path.join(root, file), "utf8"), file).not.toMatch(/status:\s*[45]\d\d/);
  });

  // One way for a component to get a server action: from the page that renders it, so components never import routes.
  it("keeps components free of imports from app/", () => {
    const components = filesUnder("components").filter((file) => !file.includes("__tests__"));
    expect(components.length).toBeGreaterThan(20);
    for (const file of components) expect(readFileSync(path.join(root, file), "utf8"), file).not.toMatch(/from "@\/app\//);
  });
});
