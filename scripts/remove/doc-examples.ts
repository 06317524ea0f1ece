import ts from 'typescript';

// README.md and docs/*.md: test/docs/examples.test.ts type-checks and runs their ```ts blocks against the package,
// so a block that needs what is removed goes, with the HTML comments above it (its example markers). What a block
// needs: the domains its `<!-- example-needs: <domain> ... -->` marker names, and any removed name it spells (an
// import, `factories.todos`, `r.many.todos`). A syntax-only block is never compiled: only its marker counts. The
// prose around a dropped block stays for the team to rewrite.

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;
const COMMENT = /^\s*<!--\s*([\s\S]*?)\s*-->\s*$/;
const NEEDS = /^example-needs:\s*(.+)$/;

/** The domains an `example-needs:` marker names, or null when the comment is not one. */
export function neededDomains(comment: string): string[] | null {
  const match = NEEDS.exec(comment.trim());
  return match ? match[1]!.trim().split(/[\s,]+/) : null;
}

function identifiersOf(code: string): Set<string> {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

export interface DroppedExample {
  /** 1-based line of the opening fence in the text before the edit. */
  line: number;
  reason: string;
}

/**
 * The markdown without the ts blocks that need the removed domain (`domain`, null for a single table) or spell one
 * of `removedNames`; each dropped block is reported with its line.
 */
export function withoutExamplesOf(
  markdown: string,
  domain: string | null,
  removedNames: ReadonlySet<string>,
): { text: string; dropped: DroppedExample[] } {
  const lines = markdown.split('\n');
  const drop = new Set<number>();
  const dropped: DroppedExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    let close = i + 1;
    while (close < lines.length) {
      const fence = FENCE.exec(lines[close]!);
      if (fence && fence[2]!.startsWith(open[2]!) && fence[3]!.trim() === '') break;
      close++;
    }
    const lang = open[3]!.trim().split(/\s+/)[0];
    if (lang === 'ts' || lang === 'typescript') {
      // The comments right above the fence, blank lines between them allowed (as test/docs/markdown.ts reads them).
      let first = i;
      const comments: string[] = [];
      for (let j = i - 1; j >= 0; j--) {
        const comment = COMMENT.exec(lines[j]!);
        if (comment) {
          comments.push(comment[1]!);
          first = j;
        } else if (lines[j]!.trim() !== '') break;
      }
      const marked = comments.map(neededDomains).find((needs) => needs !== null) ?? [];
      const syntaxOnly = comments.some((comment) => /^example:\s*syntax-only\b/.test(comment));
      const code = lines.slice(i + 1, close).join('\n');
      const spelt = syntaxOnly ? [] : [...identifiersOf(code)].filter((name) => removedNames.has(name)).sort();
      const reason =
        domain !== null && marked.includes(domain)
          ? `marked example-needs: ${domain}`
          : spelt.length > 0
            ? `uses ${spelt.join(', ')}`
            : null;
      if (reason !== null) {
        // The blank line before the block's comments goes too, so two paragraphs stay one blank line apart.
        const from = first > 0 && lines[first - 1]!.trim() === '' ? first - 1 : first;
        for (let k = from; k <= Math.min(close, lines.length - 1); k++) drop.add(k);
        dropped.push({ line: i + 1, reason });
      }
    }
    i = close;
  }
  return { text: lines.filter((_, index) => !drop.has(index)).join('\n'), dropped };
}
