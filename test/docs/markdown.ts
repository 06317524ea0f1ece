import fs from 'node:fs';
import path from 'node:path';

// The markdown the docs tests read: README.md and docs/*.md, split into prose and fenced code blocks.

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** README.md and every docs/*.md, as paths relative to the repository root. */
export function documentationFiles(): string[] {
  const docs = fs
    .readdirSync(path.join(repoRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

export interface CodeBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  code: string;
  /** The HTML comments right above the fence (blank lines between them allowed), in order. */
  comments: string[];
}

export interface ParsedMarkdown {
  /** Lines outside fenced code blocks (the fenced lines are blanked, so line numbers hold). */
  prose: string[];
  blocks: CodeBlock[];
}

export function parseMarkdown(file: string): ParsedMarkdown {
  const lines = fs.readFileSync(path.join(repoRoot, file), 'utf8').split('\n');
  const prose: string[] = [];
  const blocks: CodeBlock[] = [];
  let open: { line: number; lang: string; fence: string; indent: number; body: string[] } | undefined;
  lines.forEach((line, index) => {
    const fence = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(line);
    if (open) {
      prose.push('');
      if (fence && fence[2]!.startsWith(open.fence) && fence[3]!.trim() === '') {
        blocks.push({
          file,
          line: open.line,
          lang: open.lang,
          code: open.body.map((body) => body.slice(open!.indent)).join('\n') + '\n',
          comments: commentsAbove(lines, open.line - 1),
        });
        open = undefined;
      } else {
        open.body.push(line);
      }
      return;
    }
    if (fence) {
      open = {
        line: index + 1,
        lang: fence[3]!.trim().split(/\s+/)[0] ?? '',
        fence: fence[2]!,
        indent: fence[1]!.length,
        body: [],
      };
      prose.push('');
      return;
    }
    prose.push(line);
  });
  if (open) throw new Error(`${file}:${open.line}: unclosed code fence`);
  return { prose, blocks };
}

function commentsAbove(lines: string[], fenceIndex: number): string[] {
  const comments: string[] = [];
  for (let index = fenceIndex - 1; index >= 0; index--) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    const comment = /^<!--([\s\S]*)-->$/.exec(line);
    if (!comment) break;
    comments.unshift(comment[1]!.trim());
  }
  return comments;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats suffixed -1, -2, ... */
export function headingAnchors(prose: string[]): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of prose) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = heading[1]!
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link's text
      .replace(/<[^>]+>/g, '');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

export interface Link {
  file: string;
  line: number;
  target: string;
}

/** Inline links and images of the prose, outside inline code spans. */
export function links(file: string, prose: string[]): Link[] {
  const found: Link[] = [];
  prose.forEach((line, index) => {
    const outsideCode = line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, (span) => ' '.repeat(span.length));
    for (const match of outsideCode.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      found.push({ file, line: index + 1, target: match[1]! });
    }
  });
  return found;
}
