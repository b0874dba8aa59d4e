/** Code points, as Postgres' char_length counts them. Its own module so client components can count without loading zod. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
