/**
 * At most `max` characters, counted in code points as Postgres `char_length` counts them, cut with an ellipsis: a
 * UTF-16 `.slice` could split an emoji's surrogate pair and store U+FFFD.
 */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max - 1).join('')}…`;
}
