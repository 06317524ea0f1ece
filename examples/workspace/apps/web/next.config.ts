import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // database's sources import each other as './file.js', TypeScript's spelling for ESM. Turbopack, Next 16's default
  // bundler, does not map that to file.ts yet (vercel/next.js#82945), so this app builds with webpack
  // (`next build --webpack` in package.json), told here to try .ts first.
  experimental: { extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
  // The drivers stay plain Node imports on the server instead of being bundled: a bundled PGlite looks for its
  // WebAssembly and data files through webpack's asset URLs and fails at the first query. Next externalizes only
  // what the app itself resolves, hence both drivers in this app's dependencies too. Client code never reaches them.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
};

export default nextConfig;
