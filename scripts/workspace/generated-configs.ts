import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { assert } from './context.js';

// The example apps' configs are the files their generators write, byte for byte, so "type-checks with 0 edits"
// means what it says. Each hash was taken from the generator's own template, as published on the npm registry:
// - create-next-app 16.4.3, dist/templates/app/ts/tsconfig.json (App Router + TypeScript, the default answers);
// - create-vite 9.3.0, template-react-ts/ (`pnpm create vite --template react-ts`).
// The check fails when one is edited, or when `next build` rewrites its tsconfig (it does when it lacks something).

const generated: Record<string, string> = {
  'apps/web/tsconfig.json': 'be18523b23b78b6e1a876ddd107d330f0168bddf09d751b57e0b5edce69c66f3',
  'apps/vite/tsconfig.json': '770b4140bbb581e2dfd9ea9946ffc9c75a1d86ba7d2db5f77c83e37cbdf9d808',
  'apps/vite/tsconfig.app.json': '8e5d12ba330e7d86409edec74b95451e0db22ee09b9426c94b5bf817571eddb0',
  'apps/vite/tsconfig.node.json': 'd366cc0827139db39c61815f22491bbfda56c654354a42ad7795143d314e45e8',
  'apps/vite/vite.config.ts': 'e1eefd0ed1639c88d1213884ef760516884db9e168190e223fee6b063ad3e088',
};

/** Fails unless every generated config under `root` (the workspace) is the generator's file, unchanged. */
export function assertGeneratedConfigs(root: string): number {
  for (const [file, sha256] of Object.entries(generated)) {
    const actual = createHash('sha256')
      .update(fs.readFileSync(path.join(root, file)))
      .digest('hex');
    assert(actual === sha256, `${file} is not the file its generator writes (sha256 ${actual}): undo the edit`);
  }
  return Object.keys(generated).length;
}
