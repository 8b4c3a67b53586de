export { openStore, type Db, type Tx, type Store, type OpenOptions } from './client.ts';
export { migrateStore } from './migrate.ts';
export * as tables from './schema.ts';
