import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Every instant is a `timestamptz` read as a JS Date: UTC in storage, converted only at the edges. */
export const instant = (name?: string) =>
  name ? timestamp(name, { withTimezone: true, mode: "date" }) : timestamp({ withTimezone: true, mode: "date" });

export const id = () => uuid().primaryKey().defaultRandom();

export const createdAt = () => instant().notNull().defaultNow();

export const updatedAt = () =>
  instant()
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
