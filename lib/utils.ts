import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names. No Tailwind merging: tailwind-merge cost every page 8.5 KiB gzip, so a component
 * never sets a class its caller can override; alternatives are chosen with a ternary or a prop.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}

/** "1 lesson", "3 lessons": a count with its noun. */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
