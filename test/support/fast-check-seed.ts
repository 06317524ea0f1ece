import fc from 'fast-check';
import { inject } from 'vitest';

// One fixed seed per run of `pnpm test:properties`, so CI replays the same inputs and a failure reproduces exactly.
// Explore new inputs with another seed: `pnpm test:properties --provide.fastCheckSeed=<n>`.
fc.configureGlobal({ seed: inject('fastCheckSeed') });

declare module 'vitest' {
  export interface ProvidedContext {
    fastCheckSeed: number;
  }
}
