import {
  CalendarCheck,
  CalendarDays,
  CalendarRange,
  ClipboardCheck,
  Globe2,
  ListChecks,
  Lock,
  MessagesSquare,
  Repeat,
  ShieldCheck,
  Smartphone,
  Timer,
  UserPlus,
  Users,
} from "lucide-react";
import { cookies } from "next/headers";
import Link from "next/link";
import { WeekPreview } from "@/components/marketing/week-preview";
import { SkipLink } from "@/components/shell/skip-link";
import { ButtonLink } from "@/components/ui/button";
import { ThemeToggle } from "@/components/theme-toggle";
import { Logo } from "@/components/ui/logo";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

const features = [
  {
    icon: Repeat,
    title: "Weekly lessons that stay put",
    body: "Book a single lesson or a weekly or fortnightly series. A 17:00 lesson stays at 17:00 when the clocks change, for teacher and student alike.",
  },
  {
    icon: Globe2,
    title: "Every timezone, no arithmetic",
    body: "Times are entered and shown in your own zone. Your student in Sydney sees their time; you see yours.",
  },
  {
    icon: CalendarRange,
    title: "Requests, moves and cancellations",
    body: "Either side asks, the other approves. Moves keep their history, double bookings are impossible, and nobody writes an email thread.",
  },
  {
    icon: MessagesSquare,
    title: "Messages and a live bell",
    body: "Direct messages between teacher and student arrive live, with read receipts. A notification centre tells each side about requests, moves, cancellations and attendance, and reminds each of every lesson at the times they choose, in the app and by email.",
  },
  {
    icon: CalendarDays,
    title: "One calendar, also on your phone",
    body: "Lessons and your own events by month, week or list: pick a slot to ask for a lesson, drag one to propose a new time, and subscribe your phone's calendar to your private feed.",
  },
  {
    icon: ShieldCheck,
    title: "Sign-in you can trust",
    body: "Two-step sign-in with a code by email, devices you choose to trust, and one button that signs you out everywhere.",
  },
];

const teacherPoints = [
  { icon: UserPlus, text: "Invite students by email; nothing is shared until they accept." },
  { icon: CalendarCheck, text: "Approve a whole term in one go, skipping any date that clashes." },
  { icon: ClipboardCheck, text: "Mark attendance inline and see each student's record at a glance." },
  { icon: Lock, text: "Keep private notes per student that only you can ever read." },
  { icon: ListChecks, text: "Set assignments with due dates, and see each student's practice against the weekly goal you set." },
];

const studentPoints = [
  { icon: CalendarDays, text: "Ask for a lesson or a new time from your phone in seconds." },
  { icon: Users, text: "Two teachers? One calendar, no clashes between them." },
  { icon: MessagesSquare, text: 'Message your teacher ("running 10 minutes late") and see when it has been read.' },
  { icon: Smartphone, text: "Keep every lesson in your phone's own calendar app." },
  { icon: Timer, text: "Log today's practice in one tap and tick off what your teacher set." },
];

const steps = [
  { title: "Create your studio", body: "Sign up as a teacher, set your timezone and the instruments you teach." },
  { title: "Invite your students", body: "They get an email, create an account if they need one, and accept." },
  { title: "Book the term", body: "Ask for weekly lessons in one go; once approved, they are in both calendars." },
];

export default async function LandingPage({ searchParams }: PageProps<"/">) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const { notice } = await searchParams;
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <header className="sticky top-0 z-20 border-b bg-background/80 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
          <Link href="/" aria-label="MusBook home">
            <Logo />
          </Link>
          <nav aria-label="Main" className="hidden items-center gap-6 text-sm text-muted-foreground md:flex">
            <a href="#features" className="hover:text-foreground">
              Features
            </a>
            <a href="#teachers" className="hover:text-foreground">
              For teachers
            </a>
            <a href="#students" className="hover:text-foreground">
              For students
            </a>
          </nav>
          <div className="flex items-center gap-2">
            <ButtonLink href="/sign-in" variant="ghost" size="sm">
              Sign in
            </ButtonLink>
            <ButtonLink href="/sign-up" size="sm">
              Get started
            </ButtonLink>
          </div>
        </div>
      </header>

      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        {notice === "account-deleted" ? (
          <div
            role="status"
            className="border-b border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-100"
          >
            <p className="mx-auto max-w-6xl px-4 py-3 text-sm sm:px-6">
              Your account has been deleted, and everything in it. Thank you for using MusBook.
            </p>
          </div>
        ) : null}
        <section className="mx-auto grid max-w-6xl items-center gap-12 px-4 py-16 sm:px-6 md:grid-cols-2 md:py-24">
          <div>
            <p className="inline-flex items-center gap-2 rounded-full border bg-surface px-3 py-1 text-xs font-medium text-muted-foreground">
              For private teachers, tuition centres and their students
            </p>
            <h1 className="mt-5 text-4xl font-bold tracking-tight text-balance sm:text-5xl">
              Your teaching week, <span className="text-accent">in tune.</span>
            </h1>
            <p className="mt-5 max-w-xl text-lg text-pretty text-muted-foreground">
              MusBook is where music teachers and their students book lessons, approve them, move them and cancel them — across timezones,
              without a single &ldquo;does Tuesday still work?&rdquo; email.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <ButtonLink href="/sign-up?role=teacher" size="lg">
                I teach music
              </ButtonLink>
              <ButtonLink href="/sign-up?role=student" size="lg" variant="secondary">
                I&rsquo;m a student
              </ButtonLink>
            </div>
            <p className="mt-4 text-sm text-muted-foreground">Free while in early access. No card needed.</p>
          </div>
          <WeekPreview />
        </section>

        <section id="features" aria-labelledby="features-title" className="border-y bg-surface">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 md:py-20">
            <h2 id="features-title" className="text-3xl font-bold tracking-tight">
              Everything a lesson needs, and nothing it doesn&rsquo;t
            </h2>
            <p className="mt-3 max-w-2xl text-muted-foreground">
              Scheduling built around how music teaching really works: weekly slots, the occasional swap, and students in other cities.
            </p>
            <ul className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
              {features.map((feature) => (
                <li key={feature.title} className="rounded-2xl border bg-background p-6">
                  <span className="grid size-10 place-items-center rounded-xl bg-accent-soft text-accent-soft-foreground">
                    <feature.icon className="size-5" aria-hidden="true" />
                  </span>
                  <h3 className="mt-4 font-semibold">{feature.title}</h3>
                  <p className="mt-2 text-sm text-muted-foreground">{feature.body}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>

        <section className="mx-auto grid max-w-6xl gap-8 px-4 py-16 sm:px-6 md:grid-cols-2 md:py-20">
          {[
            { id: "teachers", title: "For teachers", lead: "Run a studio of 40 students without a spreadsheet.", points: teacherPoints },
            { id: "students", title: "For students", lead: "Everything about your lessons, in your pocket.", points: studentPoints },
          ].map((audience) => (
            <div key={audience.id} id={audience.id} className="rounded-2xl border bg-surface p-8">
              <h2 className="text-2xl font-bold tracking-tight">{audience.title}</h2>
              <p className="mt-2 text-muted-foreground">{audience.lead}</p>
              <ul className="mt-6 space-y-4">
                {audience.points.map((point) => (
                  <li key={point.text} className="flex gap-3">
                    <point.icon className="mt-0.5 size-5 shrink-0 text-accent" aria-hidden="true" />
                    <span>{point.text}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>

        <section aria-labelledby="steps-title" className="mx-auto max-w-6xl px-4 pb-16 sm:px-6 md:pb-24">
          <h2 id="steps-title" className="text-3xl font-bold tracking-tight">
            Up and running before your next lesson
          </h2>
          <ol className="mt-10 grid gap-6 md:grid-cols-3">
            {steps.map((step, index) => (
              <li key={step.title} className="relative rounded-2xl border bg-surface p-6">
                <span className="grid size-9 place-items-center rounded-full bg-accent text-sm font-bold text-accent-foreground">
                  {index + 1}
                </span>
                <h3 className="mt-4 font-semibold">{step.title}</h3>
                <p className="mt-2 text-sm text-muted-foreground">{step.body}</p>
              </li>
            ))}
          </ol>
          <div className="mt-12 flex flex-col items-start justify-between gap-6 rounded-2xl bg-brand-900 p-8 text-white sm:flex-row sm:items-center dark:bg-brand-800">
            <div>
              <p className="text-2xl font-bold tracking-tight">Ready for a calmer teaching week?</p>
              <p className="mt-1 text-brand-100">Set up your studio in a few minutes.</p>
            </div>
            <ButtonLink href="/sign-up" size="lg" variant="secondary" className="border-transparent">
              Create your account
            </ButtonLink>
          </div>
        </section>
      </main>

      <footer className="border-t">
        <div className="mx-auto flex max-w-6xl flex-col items-center justify-between gap-3 px-4 py-8 text-sm text-muted-foreground sm:flex-row sm:px-6">
          <Logo className="text-foreground" />
          <p>Made for music teachers and the people they teach.</p>
          <ThemeToggle initial={theme} />
        </div>
      </footer>
    </div>
  );
}
