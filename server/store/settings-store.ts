import { eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { settings } from './schema.ts';

export type SettingsStore = {
  get: (key: string) => Promise<string | null>;
  /** Sets the key only if it is unset; true when this call set it (first writer wins). */
  claim: (key: string, value: string) => Promise<boolean>;
};

export function createSettingsStore(db: Db): SettingsStore {
  return {
    async get(key) {
      const [row] = await db.select().from(settings).where(eq(settings.key, key)).limit(1);
      return row?.value ?? null;
    },
    async claim(key, value) {
      const inserted = await db
        .insert(settings)
        .values({ key, value })
        .onConflictDoNothing()
        .returning();
      return inserted.length === 1;
    },
  };
}
