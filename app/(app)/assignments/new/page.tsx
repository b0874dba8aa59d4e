import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AssignmentForm } from "@/components/practice/assignment-form";
import { EmptyState } from "@/components/dashboard/parts";
import { Card, CardBody } from "@/components/ui/card";
import { findLessonFor, idField } from "@/lib/access";
import { requireUser } from "@/lib/auth/session";
import { acceptedConnectionNames } from "@/lib/scheduling/queries";
import { formatDateTime } from "@/lib/time";
import { createAssignmentAction } from "../actions";

export const metadata: Metadata = { title: "New assignment" };

const prefillSchema = z.object({
  student: idField().optional().catch(undefined),
  lesson: idField().optional().catch(undefined),
});

export default async function NewAssignmentPage({ searchParams }: PageProps<"/assignments/new">) {
  const user = await requireUser("/assignments/new");
  if (user.role !== "teacher") notFound();
  const prefill = prefillSchema.parse(await searchParams);
  const [students, lesson] = await Promise.all([
    acceptedConnectionNames(user),
    prefill.lesson ? findLessonFor(user, prefill.lesson) : null,
  ]);
  const connectionId = lesson?.connectionId ?? prefill.student;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <Link href="/assignments" className="inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden="true" />
        All assignments
      </Link>
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">New assignment</h1>
        {lesson ? (
          <p className="mt-1 text-sm text-muted-foreground">For the lesson on {formatDateTime(lesson.startsAt, user.timezone)}</p>
        ) : null}
      </div>
      <Card>
        <CardBody className="pt-5">
          {students.length > 0 ? (
            <AssignmentForm
              action={createAssignmentAction}
              students={lesson ? students.filter((student) => student.id === lesson.connectionId) : students}
              values={{ connectionId, lessonId: lesson?.id }}
              timezone={user.timezone}
              submitLabel="Set assignment"
            />
          ) : (
            <EmptyState>You can set assignments once a student has accepted your invitation.</EmptyState>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
