import { describe, expect, it } from 'vitest';
import { withoutTablesInAccessTable } from '../../scripts/remove/access-doc.js';

const page = [
  '# Security',
  '',
  '## Who may do what',
  '',
  '| tables | `anon` |',
  '| --- | --- |',
  '| `todos`, `notification_preferences` | nothing |',
  '| `todos` | nothing |',
  '| server-only: `user`, `waitlist` | nothing |',
  '',
  'Prose about `todos` stays.',
].join('\n');

describe('withoutTablesInAccessTable', () => {
  it('takes removed tables out of the rows, drops a row left empty, leaves the prose', () => {
    const result = withoutTablesInAccessTable(page, new Set(['todos', 'waitlist']));
    expect(result.split('\n')).toEqual([
      '# Security',
      '',
      '## Who may do what',
      '',
      '| tables | `anon` |',
      '| --- | --- |',
      '| `notification_preferences` | nothing |',
      '| server-only: `user` | nothing |',
      '',
      'Prose about `todos` stays.',
    ]);
  });
});
