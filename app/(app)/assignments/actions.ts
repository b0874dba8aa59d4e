"use server";

import { redirect } from "next/navigation";
import {
  completeAssignment,
  createAssignment,
  deleteAssignment,
  deletePractice,
  logPractice,
  reopenAssignment,
  setPracticeGoal,
  uncompleteAssignment,
  updateAssignment,
  updatePractice,
} from "@/lib/practice";
import { userAction } from "@/lib/server-action";

// Assignments and practice show on their own pages, the dashboard, each student's page and each lesson's page.
const PAGES = { revalidate: ["/assignments", "/practice", "/dashboard", "/students", "/lessons"] };

export const createAssignmentAction = userAction(createAssignment, {
  ...PAGES,
  onSuccess: async (result) => redirect(`/assignments/${result.data.assignment.id}`),
});

export const updateAssignmentAction = userAction(updateAssignment, PAGES);

export const deleteAssignmentAction = userAction(deleteAssignment, { ...PAGES, onSuccess: async () => redirect("/assignments") });

export const completeAssignmentAction = userAction(completeAssignment, PAGES);

export const uncompleteAssignmentAction = userAction(uncompleteAssignment, PAGES);

export const reopenAssignmentAction = userAction(reopenAssignment, PAGES);

export const logPracticeAction = userAction(logPractice, PAGES);

export const updatePracticeAction = userAction(updatePractice, PAGES);

export const deletePracticeAction = userAction(deletePractice, PAGES);

export const setPracticeGoalAction = userAction(setPracticeGoal, PAGES);
