import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// What each package.json `exports` entry really exports, read by the type checker (so `export *` and re-exports are
// followed as a consumer's compiler follows them): the source of docs/api.md.

export interface ExportedName {
  name: string;
  kind: 'class' | 'function' | 'const' | 'type' | 'interface' | 'namespace';
  /** Where it is declared: a path under the package, or the dependency's name. */
  from: string;
  /** The first sentence of its doc comment, on one line. */
  summary: string;
}

export interface Entry {
  subpath: string;
  file: string;
  names: ExportedName[];
}

/** The `exports` entries with TypeScript sources (`.`, `./schema`, ...), in package.json order. */
export function entryFiles(root: string): { subpath: string; file: string }[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { types?: string }>;
  };
  return Object.entries(pkg.exports).flatMap(([subpath, target]) =>
    typeof target === 'object' && target.types?.endsWith('.ts') ? [{ subpath, file: target.types.slice(2) }] : [],
  );
}

function kindOf(symbol: ts.Symbol): ExportedName['kind'] {
  const flags = symbol.flags;
  if (flags & ts.SymbolFlags.Class) return 'class';
  if (flags & ts.SymbolFlags.Function) return 'function';
  if (flags & ts.SymbolFlags.Variable) return 'const';
  if (flags & ts.SymbolFlags.Interface) return 'interface';
  if (flags & ts.SymbolFlags.Module) return 'namespace';
  return 'type';
}

function fromOf(root: string, symbol: ts.Symbol): string {
  const file = symbol.declarations?.[0]?.getSourceFile().fileName;
  if (!file) return '';
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file);
  return dependency ? dependency[1]! : path.relative(root, file);
}

function summaryOf(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?\.)(\s|$)/.exec(text)?.[1] ?? text;
  return sentence.replaceAll('|', '\\|');
}

export function readEntries(root: string): Entry[] {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const entries = entryFiles(root);
  const program = ts.createProgram(
    entries.map((entry) => path.join(root, entry.file)),
    options,
  );
  const checker = program.getTypeChecker();
  return entries.map(({ subpath, file }) => {
    const source = program.getSourceFile(path.join(root, file));
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${file}: not a module the compiler can read`);
    const names = checker.getExportsOfModule(module).map((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      return {
        name: exported.name,
        kind: kindOf(symbol),
        from: fromOf(root, symbol),
        summary: summaryOf(checker, symbol),
      };
    });
    names.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    return { subpath, file, names };
  });
}
