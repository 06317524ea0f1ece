import path from 'node:path';
import { AdoptError } from './error.js';

export interface AdoptArgs {
  monorepo: string;
  /** Where the package goes, relative to the monorepo root, in POSIX form. */
  dir: string;
  /** The new package name, or undefined to keep this package's. */
  name: string | undefined;
  dryRun: boolean;
  /** Passed to `pnpm install` as they are (`--offline`, `--prefer-offline`). */
  installFlags: string[];
}

export const USAGE =
  'usage: pnpm adopt <path-to-monorepo> [--dir packages/database] [--name @acme/db] [--dry-run] [--offline | --prefer-offline]';

// npm's rules for a package name (validate-npm-package-name): lowercase, URL-safe, an optional scope, 214 chars max.
const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

export function parseAdoptArgs(argv: readonly string[]): AdoptArgs {
  const positional: string[] = [];
  const args: Omit<AdoptArgs, 'monorepo'> = {
    dir: 'packages/database',
    name: undefined,
    dryRun: false,
    installFlags: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s, 2) as [string, string?]) : [arg];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new AdoptError('usage', `${flag} needs a value. ${USAGE}`);
      return next;
    };
    if (flag === '--dir') args.dir = checkDir(value());
    else if (flag === '--name') args.name = checkName(value());
    else if (flag === '--dry-run') args.dryRun = true;
    else if (flag === '--offline' || flag === '--prefer-offline') args.installFlags.push(flag);
    else if (arg.startsWith('-')) throw new AdoptError('usage', `unknown option ${flag}. ${USAGE}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new AdoptError('usage', USAGE);
  return { monorepo: path.resolve(positional[0]!), ...args };
}

function checkDir(dir: string): string {
  const normalized = path.posix.normalize(dir.replaceAll('\\', '/')).replace(/\/+$/, '');
  const segments = normalized.split('/');
  if (path.isAbsolute(dir) || normalized === '.' || segments.includes('..') || segments.includes('node_modules'))
    throw new AdoptError('usage', `--dir must be a path inside the monorepo, such as packages/database`);
  return normalized;
}

function checkName(name: string): string {
  if (name.length > 214 || !PACKAGE_NAME.test(name))
    throw new AdoptError(
      'usage',
      '--name must be a valid npm package name, such as @acme/db (lowercase, one optional scope)',
    );
  return name;
}
