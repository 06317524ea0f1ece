import type { TableNames } from '../names.js';

/** Who reaches a scaffolded table through the Data API: its tenant's members (under the policy), or nobody. */
export type TableAccess = 'tenant' | 'server-only';

const clientGrant = (n: TableNames, access: TableAccess) =>
  access === 'tenant'
    ? `-- Members reach "${n.sqlName}" through the Data API only under its policy (their tenants' rows); trim the statements to
-- what your clients need. anon gets nothing.
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "${n.sqlName}" TO authenticated;
--> statement-breakpoint
`
    : `-- Server-only: RLS is on with no policy, and no client role holds a grant, so the Data API sees nothing of it.
`;

/** The custom migration after drizzle-kit's CREATE TABLE: the updated_at trigger and the table's grants. */
export const rulesMigration = (n: TableNames, access: TableAccess) =>
  `-- updated_at of "${n.sqlName}" is kept by the database: set_updated_at() is defined in 0002_database_rules.
CREATE TRIGGER ${n.trigger} BEFORE UPDATE ON "${n.sqlName}" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
-- Grants are explicit whatever the platform's default privileges gave the new table (see docs/security.md, Row-Level
-- Security): revoke everything from the client roles, then grant back what this table allows.
REVOKE ALL ON TABLE "${n.sqlName}" FROM PUBLIC, anon, authenticated;
--> statement-breakpoint
${clientGrant(n, access)}GRANT ALL ON TABLE "${n.sqlName}" TO service_role;
`;
