import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { AdoptError } from './error.js';

// The package's pnpm settings move to the monorepo's root pnpm-workspace.yaml, the only one pnpm reads. The `yaml`
// Document API decides the merge (keys, comments and anchors of the user's file survive a parse); the user's bytes
// are kept by inserting the new entries as text after the node they extend, and the result is re-parsed and compared
// with the Document's. Only when that cannot work (a flow collection, say) is the file re-printed by the Document.

export interface WorkspaceMerge {
  text: string;
  /** One line per change, for the plan. */
  changes: string[];
}

type Insert = { offset: number; text: string };

export function mergeWorkspace(
  rootText: string,
  packageText: string,
  dir: string,
  packagesMatch: (packages: unknown) => boolean,
): WorkspaceMerge {
  const root = parse(rootText, 'the monorepo');
  const ours = parse(packageText, 'this package');
  const changes: string[] = [];
  const inserts: Insert[] = [];
  const appended: string[] = [];
  let reprint = false;

  const addTopLevel = (key: string, value: unknown, comment?: string) => {
    root.set(key, value);
    const fresh = parseDocument(stringify({ [key]: value }, { lineWidth: 0 }));
    if (comment) (fresh.contents as YAMLMap).items[0]!.key = withComment(key, comment);
    appended.push(fresh.toString({ lineWidth: 0 }));
  };

  const addEntries = (key: string, node: YAMLMap | YAMLSeq, entries: [unknown, unknown][]) => {
    const insert = insertAfter(rootText, node, entries);
    for (const [entryKey, value] of entries) {
      if (isSeq(node)) node.add(value);
      else node.set(entryKey, value);
    }
    if (insert) inserts.push(insert);
    else reprint = true;
  };

  const ourPairs = isMap(ours.contents) ? ours.contents.items : [];
  for (const pair of ourPairs) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (key === 'packages') continue;
    const value = (ours.toJS() as Record<string, unknown>)[key];
    const comment = isScalar(pair.key) ? pair.key.commentBefore?.replaceAll('patches/', `${dir}/patches/`) : undefined;
    const patched = key === 'patchedDependencies' ? rewritePatches(value, dir) : value;
    const existing = root.get(key, true);
    if (existing === undefined) {
      addTopLevel(key, patched, comment ?? undefined);
      changes.push(`add ${key}${describeKeys(patched)}`);
    } else if (isMap(existing) && isPlainObject(patched)) {
      if (key === 'patchedDependencies') assertNoPatchConflict(existing.toJSON() as Record<string, unknown>, patched);
      const missing = Object.entries(patched).filter(([entryKey]) => !existing.has(entryKey));
      for (const [entryKey, entryValue] of Object.entries(patched))
        if (existing.has(entryKey) && !sameValue(existing.get(entryKey), entryValue))
          changes.push(`keep ${key}.${entryKey}: the monorepo's value stays`);
      if (missing.length > 0) {
        addEntries(key, existing, missing);
        changes.push(`add ${key}: ${missing.map(([entryKey]) => entryKey).join(', ')}`);
      }
    } else if (isSeq(existing) && Array.isArray(patched)) {
      const present = (existing.toJSON() as unknown[]).map((item) => JSON.stringify(item));
      const missing = patched.filter((item) => !present.includes(JSON.stringify(item)));
      if (missing.length > 0) {
        addEntries(
          key,
          existing,
          missing.map((item) => [null, item]),
        );
        changes.push(`add ${key}: ${missing.map((item) => JSON.stringify(item)).join(', ')}`);
      }
    } else if (!sameValue(root.get(key), patched)) {
      changes.push(`keep ${key}: the monorepo's value stays`);
    }
  }

  if (!packagesMatch((root.toJS() as { packages?: unknown }).packages)) {
    const packages = root.get('packages', true);
    if (packages === undefined) addTopLevel('packages', [dir]);
    else if (isSeq(packages)) addEntries('packages', packages, [[null, dir]]);
    else throw new AdoptError('workspace-yaml', "the monorepo's pnpm-workspace.yaml: `packages` is not a list");
    changes.push(`add packages: ${dir} (no glob of the workspace matched it)`);
  }

  const text = reprint ? root.toString({ lineWidth: 0 }) : splice(rootText, inserts, appended);
  const expected = JSON.stringify(root.toJS());
  if (!reprint && JSON.stringify(parseDocument(text).toJS()) !== expected)
    return { text: root.toString({ lineWidth: 0 }), changes: [...changes, 'reformat pnpm-workspace.yaml'] };
  if (reprint) changes.push('reformat pnpm-workspace.yaml (a setting it extends is written inline)');
  return { text, changes };
}

function parse(text: string, whose: string): Document {
  const doc: Document = parseDocument(text);
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents)))
    throw new AdoptError('workspace-yaml', `${whose}'s pnpm-workspace.yaml is not a YAML mapping`);
  if (doc.contents === null) doc.contents = doc.createNode({}) as YAMLMap;
  return doc;
}

function rewritePatches(value: unknown, dir: string): unknown {
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, file]) => [key, typeof file === 'string' ? `${dir}/${file}` : file]),
  );
}

/** `postgres@3.4.9` → `postgres`; `@electric-sql/pglite@0.5.17` → `@electric-sql/pglite`. */
export function patchedPackageName(key: string): string {
  const at = key.lastIndexOf('@');
  return at > 0 ? key.slice(0, at) : key;
}

function assertNoPatchConflict(existing: Record<string, unknown>, ours: Record<string, unknown>): void {
  for (const [key, file] of Object.entries(ours)) {
    const name = patchedPackageName(key);
    for (const [theirKey, theirFile] of Object.entries(existing)) {
      if (theirKey === key && theirFile === file) continue;
      if (theirKey === key)
        throw new AdoptError(
          'patch-conflict',
          `the monorepo already patches ${key} with another file (${String(theirFile)}): merge the two patches into one first`,
        );
      if (patchedPackageName(theirKey) === name)
        throw new AdoptError(
          'patch-conflict',
          `the monorepo patches ${theirKey}, this package needs ${key} patched: align the ${name} versions first`,
        );
    }
  }
}

/** The text to insert after the last item of a block map or sequence, at its indentation; null for a flow one. */
function insertAfter(text: string, node: YAMLMap | YAMLSeq, entries: [unknown, unknown][]): Insert | null {
  const last = node.items.at(-1);
  if (node.flow || !last || !node.range) return null;
  const start = node.range[0];
  const indent = start - (text.lastIndexOf('\n', start - 1) + 1);
  const itemEnd = isSeq(node) ? itemRangeEnd(last) : itemRangeEnd((last as { value: unknown }).value);
  if (itemEnd === null) return null;
  const lineEnd = text.indexOf('\n', itemEnd);
  const offset = lineEnd < 0 ? text.length : lineEnd;
  const body = isSeq(node)
    ? stringify(
        entries.map(([, value]) => value),
        { lineWidth: 0 },
      )
    : stringify(Object.fromEntries(entries.map(([key, value]) => [String(key), value])), { lineWidth: 0 });
  const lines = body
    .trimEnd()
    .split('\n')
    .map((line) => ' '.repeat(indent) + line);
  return { offset, text: `\n${lines.join('\n')}` };
}

function itemRangeEnd(node: unknown): number | null {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[1] : null;
}

function splice(text: string, inserts: Insert[], appended: string[]): string {
  let result = text;
  for (const insert of [...inserts].sort((a, b) => b.offset - a.offset))
    result = result.slice(0, insert.offset) + insert.text + result.slice(insert.offset);
  if (appended.length === 0) return result;
  const base = result === '' || result.endsWith('\n') ? result : `${result}\n`;
  return base + appended.join('');
}

function withComment(key: string, comment: string) {
  const node = parseDocument(key).contents!;
  node.commentBefore = comment;
  return node;
}

function describeKeys(value: unknown): string {
  return isPlainObject(value) ? `: ${Object.keys(value).join(', ')}` : `: ${JSON.stringify(value)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  const plain = (value: unknown) => JSON.stringify(isMap(value) || isSeq(value) ? value.toJSON() : value);
  return plain(a) === plain(b);
}
