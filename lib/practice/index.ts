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
export { deletePractice, logPractice, setPracticeGoal, updatePractice, type PracticeActor } from "./practice";
