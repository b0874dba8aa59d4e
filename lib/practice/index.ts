export {
  assignmentLink,
  completeAssignment,
  createAssignment,
  deleteAssignment,
  reopenAssignment,
  uncompleteAssignment,
  updateAssignment,
  type AssignmentActor,
} from "./assignments";
export { deletePractice, logPractice, setPracticeGoal, todayIn, updatePractice, type PracticeActor } from "./practice";
