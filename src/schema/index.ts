// Tables, enums and relations only: what drizzle-kit and relational queries read.
export * from './tables/index.ts';
