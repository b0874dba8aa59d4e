import { dropTemplateDatabase, prepareTemplateDatabase } from "./database";

export async function setup() {
  await prepareTemplateDatabase();
}

export async function teardown() {
  await dropTemplateDatabase();
}
