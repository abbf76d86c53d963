import type { Role, User } from '../../domain';
import { catalogId } from '../ids';
import { DEMO_STORES, DEMO_TENANT } from './stores';

/** Every demo user signs in with this password (the embedded cloud's demo dealership). */
export const DEMO_PASSWORD = 'showroom-demo';

export interface DemoUser {
  id: string;
  email: string;
  role: Role;
  name: string;
}

const AGENT_NAMES = [
  'Marcus Bell',
  'Priya Raman',
  'Luis Ortega',
  'Hannah Kowalski',
  'Andre Jackson',
  'Sofia Delgado',
  'Tyler Brooks',
  'Mei Chen',
  'Jamal Carter',
  'Erin Walsh',
  'Keoni Kahale',
  'Rachel Levy',
];

const ALL_STORES = DEMO_STORES.map((s) => s.row.id);

function user(index: number, name: string, email: string, role: Role, storeIds: string[]): User {
  const areaCode = DEMO_STORES[0]?.areaCodes[0] ?? '303';
  const isAgent = role === 'agent';
  return {
    id: catalogId('user', index),
    tenantId: DEMO_TENANT.id,
    name,
    email,
    role,
    storeIds,
    photoUrl: null,
    phone:
      isAgent || role === 'manager' ? `+1${areaCode}55502${String(index).padStart(2, '0')}` : null,
    extension: isAgent && index % 3 === 0 ? `,,${200 + index}#` : '',
    preferences: {
      forwardLeadCalls: isAgent && index % 2 === 0,
      copyMeOnEmails: true,
      playSounds: true,
    },
  };
}

/** Two agents per store, in store order: agent1 and agent2 work Denver. */
export const DEMO_USER_ROWS: readonly User[] = [
  user(1, 'Dale Summers', 'admin@demo.test', 'admin', ALL_STORES),
  user(2, 'Morgan Ellis', 'manager@demo.test', 'manager', ALL_STORES),
  ...AGENT_NAMES.map((name, i) => {
    const store = DEMO_STORES[Math.floor(i / 2) % DEMO_STORES.length];
    return user(3 + i, name, `agent${i + 1}@demo.test`, 'agent', store ? [store.row.id] : []);
  }),
];

export const DEMO_USERS: readonly DemoUser[] = DEMO_USER_ROWS.map(({ id, email, role, name }) => ({
  id,
  email,
  role,
  name,
}));

export function demoUserByEmail(email: string): DemoUser {
  const found = DEMO_USERS.find((u) => u.email === email);
  if (!found) throw new Error(`no demo user ${email}`);
  return found;
}

const AGENTS_BY_STORE = new Map(
  DEMO_STORES.map((s) => [
    s.row.id,
    DEMO_USER_ROWS.filter((u) => u.role === 'agent' && u.storeIds.includes(s.row.id)),
  ]),
);

/** The agents who work a store. */
export function agentsOfStore(storeId: string): readonly User[] {
  return AGENTS_BY_STORE.get(storeId) ?? [];
}
