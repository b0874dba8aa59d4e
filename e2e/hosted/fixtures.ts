import pg from "pg";
import { test as base } from "../fixtures";
import { StandInMailbox } from "./mail";

export { expect } from "../fixtures";

/** The e2e fixtures with email read from the Resend stand-in, and a client on the instances' shared database. */
export const test = base.extend<{ database: pg.Client }>({
  setup: "forms",
  outbox: async ({}, provide) => {
    await provide(new StandInMailbox());
  },
  database: async ({}, provide) => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await provide(client);
    await client.end();
  },
});
