/**
 * Demo accounts for `npm start`, so the SPA can be tried at once. Only on the embedded profile: a
 * deployment pointing at real servers never gets accounts with published passwords.
 */
import { openEventStore, type EventStore } from '@quizbook/eventstore';
import { processResources, settings as settingSpecs, type SettingValues } from '@quizbook/platform';
import { seedDemoUsers, type SeededDemoUser } from '../apps/user/src/demo/demo-users';
import { PasswordHasher } from '../apps/user/src/passwords/password-hasher';

const storeSettings = ['EVENT_STORE_URL', 'BUS_URL', 'READ_DB_URL', 'CACHE_URL'];

export function usesEmbeddedStores(values: SettingValues): boolean {
  return storeSettings.every((name) => {
    const spec = settingSpecs.find((setting) => setting.name === name);
    return spec !== undefined && values[name] === spec.default;
  });
}

/** Undefined when the stores are not the embedded defaults (nothing is seeded then). */
export async function seedDemoUsersIfEmbedded(values: SettingValues): Promise<SeededDemoUser[] | undefined> {
  if (!usesEmbeddedStores(values)) return undefined;
  const url = values.EVENT_STORE_URL as string;
  // The same key the apps opened it under: one SQLite handle per file in this process.
  const lease = await processResources.acquire<EventStore>(`eventStore ${url}`, () => openEventStore(url));
  try {
    return await seedDemoUsers(lease.resource, new PasswordHasher());
  } finally {
    await lease.release();
  }
}

export function demoUsersBanner(seeded: readonly SeededDemoUser[]): string[] {
  const width = Math.max(...seeded.map((user) => user.email.length));
  return [
    'Demo accounts (embedded profile only):',
    '',
    ...seeded.map(
      (user) => `  ${user.role.padEnd(10)}  ${user.email.padEnd(width)}  password: ${user.password}`,
    ),
    '',
  ];
}
