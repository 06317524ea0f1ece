// docs/security.md's "Who may do what" table is read by the Data API access test: each row's first cell lists
// tables. A removed table leaves its row (the row goes when it lists nothing else); the rest of the page is prose
// for the team to rewrite.

export const ACCESS_DOC = 'docs/security.md';

export function withoutTablesInAccessTable(markdown: string, gone: ReadonlySet<string>): string {
  const heading = markdown.indexOf('\n## Who may do what\n');
  if (heading === -1) return markdown;
  const lines = markdown.slice(heading).split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  if (start === -1) return markdown;
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
  const rows = lines.slice(start + 2, end === -1 ? undefined : end).flatMap((line) => {
    const [, first = '', ...rest] = line.split('|');
    const listed = [...first.matchAll(/`([a-z0-9_]+)`/g)].map((match) => match[1]!);
    if (!listed.some((table) => gone.has(table))) return [line];
    const kept = listed.filter((table) => !gone.has(table));
    if (kept.length === 0) return [];
    const prefix = /^\s*([^`]*?)`/.exec(first)?.[1] ?? '';
    return [['', ` ${prefix}${kept.map((table) => `\`${table}\``).join(', ')} `, ...rest].join('|')];
  });
  const out = [...lines.slice(0, start + 2), ...rows, ...(end === -1 ? [] : lines.slice(end))];
  return markdown.slice(0, heading) + out.join('\n');
}
