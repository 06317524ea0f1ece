import type { TableNames } from '../names.ts';

export const triggerMigration = (
  n: TableNames,
) => `-- updated_at of "${n.sqlName}" is kept by the database: set_updated_at() is defined in 0001_database_rules.
CREATE TRIGGER ${n.trigger} BEFORE UPDATE ON "${n.sqlName}" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
`;
