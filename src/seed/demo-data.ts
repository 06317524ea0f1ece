// The fixed cast of the demo: three tenants, six people each (owner, two admins, three members), and the one
// person each tenant later invites and who accepts.

export interface DemoPerson {
  name: string;
  /** Local part of the email; the domain is `<tenant slug>.example.com`. */
  handle: string;
}

export interface DemoTenantSpec {
  name: string;
  slug: string;
  plan: 'starter' | 'pro' | 'enterprise';
  owner: DemoPerson;
  admins: DemoPerson[];
  members: DemoPerson[];
  /** Joins through an accepted invite. */
  invitee: DemoPerson;
}

/** The slug whose presence marks a database as seeded (the seed then skips). */
export const DEMO_MARKER_SLUG = 'acme';

/** The seed of the factories' generator: the same seed gives the same demo. */
export const DEMO_SEED = 20260101;

const person = (name: string): DemoPerson => ({ name, handle: name.toLowerCase().replace(/[^a-z]+/g, '.') });

export const DEMO_TENANTS: DemoTenantSpec[] = [
  {
    name: 'Acme',
    slug: DEMO_MARKER_SLUG,
    plan: 'pro',
    owner: person('Ada Lovelace'),
    admins: [person('Grace Hopper'), person('Alan Turing')],
    members: [person('Edsger Dijkstra'), person('Barbara Liskov'), person('Donald Knuth')],
    invitee: person('Joan Clarke'),
  },
  {
    name: 'Globex',
    slug: 'globex',
    plan: 'starter',
    owner: person('Hank Scorpio'),
    admins: [person('Margaret Hamilton'), person('Ken Thompson')],
    members: [person('Frances Allen'), person('Linus Torvalds'), person('Radia Perlman')],
    invitee: person('Dennis Ritchie'),
  },
  {
    name: 'Initech',
    slug: 'initech',
    plan: 'enterprise',
    owner: person('Bill Lumbergh'),
    admins: [person('Peter Gibbons'), person('Joanna Smith')],
    members: [person('Michael Bolton'), person('Milton Waddams'), person('Samir Nagheenanajar')],
    invitee: person('Tom Smykowski'),
  },
];

export const emailOf = (person: DemoPerson, slug: string) => `${person.handle}@${slug}.example.com`;

export const TODO_TITLES = [
  'Write the onboarding guide',
  'Review the Q1 roadmap',
  'Fix the flaky login test',
  'Migrate billing to the new plan',
  'Plan the team offsite',
  'Renew the TLS certificates',
  'Interview backend candidates',
  'Archive last year’s invoices',
];

export const WAITLIST_EMAILS = [
  { email: 'marie.curie@example.org', source: 'landing' },
  { email: 'nikola.tesla@example.org', source: 'blog' },
  { email: 'rosalind.franklin@example.org', source: 'twitter' },
  { email: 'carl.gauss@example.org', source: 'landing' },
  { email: 'emmy.noether@example.org', source: null },
  { email: 'alan.kay@example.org', source: 'referral' },
];

/** Back-office staff: users with an admin role, outside every tenant. */
export const STAFF = [
  { person: person('Olivia Ops'), role: 'Super admin' },
  { person: person('Sam Support'), role: 'Support' },
] as const;
export const STAFF_DOMAIN = 'staff.example.com';

export const ADMIN_ROLES = [
  {
    name: 'Super admin',
    description: 'Full back-office access',
    permissions: ['users:*', 'tenants:*', 'billing:*', 'audit:read', 'settings:write'],
  },
  {
    name: 'Support',
    description: 'Reads customer data to answer tickets',
    permissions: ['users:read', 'tenants:read', 'audit:read'],
  },
];
