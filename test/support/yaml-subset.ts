// The YAML our GitHub workflows use, and nothing more: block maps, block lists (of scalars or maps), `|`/`>` block
// scalars, flow lists of plain scalars, quoted and plain scalars, full-line comments. Anything else throws, so a
// workflow that parses here has an unambiguous structure. (A full parser would need `yaml` as a dev dependency.)

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  number: number;
  indent: number;
  text: string;
}

export function parseYamlSubset(source: string): YamlValue {
  const lines: Line[] = source.split('\n').map((raw, index) => {
    if (/^\s*\t/.test(raw)) throw new Error(`line ${index + 1}: tab in indentation`);
    const text = raw.trimStart();
    return { number: index + 1, indent: raw.length - text.length, text: text.trimEnd() };
  });
  let cursor = 0;
  const significant = (line: Line) => line.text !== '' && !line.text.startsWith('#');
  const peek = (): Line | undefined => {
    while (cursor < lines.length && !significant(lines[cursor]!)) cursor++;
    return lines[cursor];
  };

  function node(minIndent: number): YamlValue {
    const line = peek();
    if (!line || line.indent < minIndent) return null;
    return isListItem(line.text) ? list(line.indent) : map(line.indent);
  }

  function list(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    for (let line = peek(); line && line.indent === indent && isListItem(line.text); line = peek()) {
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        cursor++;
        items.push(node(indent + 1));
      } else if (keyValue(rest)) {
        // `- key: value` opens a map whose keys sit two columns right of the dash.
        lines[cursor] = { ...line, indent: indent + 2, text: rest };
        items.push(map(indent + 2));
      } else {
        cursor++;
        items.push(scalar(rest, line));
      }
    }
    assertNoDeeper(indent);
    return items;
  }

  function map(indent: number): { [key: string]: YamlValue } {
    const result: { [key: string]: YamlValue } = {};
    for (let line = peek(); line && line.indent === indent && !isListItem(line.text); line = peek()) {
      const pair = keyValue(line.text);
      if (!pair) throw new Error(`line ${line.number}: expected \`key: value\`, got \`${line.text}\``);
      if (pair.key in result) throw new Error(`line ${line.number}: duplicate key ${pair.key}`);
      cursor++;
      if (pair.value === '') result[pair.key] = node(indent + 1);
      else if (/^[|>][-+]?$/.test(pair.value)) result[pair.key] = blockScalar(indent, pair.value);
      else result[pair.key] = scalar(pair.value, line);
    }
    assertNoDeeper(indent);
    return result;
  }

  function blockScalar(indent: number, style: string): string {
    const body: Line[] = [];
    while (cursor < lines.length && (lines[cursor]!.text === '' || lines[cursor]!.indent > indent))
      body.push(lines[cursor++]!);
    while (body.length > 0 && body.at(-1)!.text === '') body.pop();
    const texts = body.map((line) => line.text);
    const joined = style.startsWith('|') ? texts.join('\n') : texts.join(' ');
    return style.endsWith('-') ? joined : `${joined}\n`;
  }

  function assertNoDeeper(indent: number): void {
    const line = peek();
    if (line && line.indent > indent) throw new Error(`line ${line.number}: unexpected indentation`);
  }

  const value = node(0);
  const rest = peek();
  if (rest) throw new Error(`line ${rest.number}: unexpected \`${rest.text}\` at indentation ${rest.indent}`);
  return value;
}

function isListItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

function keyValue(text: string): { key: string; value: string } | null {
  const match = /^([A-Za-z_][\w.-]*|'[^']*'|"[^"]*"):(?:\s+(.*))?$/.exec(text);
  if (!match) return null;
  return { key: match[1]!.replace(/^['"]|['"]$/g, ''), value: match[2] ?? '' };
}

function scalar(text: string, line: Line): YamlValue {
  if (text.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(text)) throw new Error(`line ${line.number}: unterminated quote`);
    return text.slice(1, -1).replaceAll("''", "'");
  }
  if (text.startsWith('"')) return JSON.parse(text) as string;
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) throw new Error(`line ${line.number}: flow list not closed on its line`);
    const inner = text.slice(1, -1).trim();
    return inner === '' ? [] : inner.split(',').map((item) => scalar(item.trim(), line));
  }
  if (text.startsWith('{') || text.startsWith('&') || text.startsWith('*') || text.startsWith('!'))
    throw new Error(`line ${line.number}: \`${text}\` is outside the supported subset`);
  if (/\s#/.test(text)) throw new Error(`line ${line.number}: inline comments are outside the supported subset`);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null' || text === '~') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}
