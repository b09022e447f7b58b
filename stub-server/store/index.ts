/** The portal's state: in-memory tables, and stores that make them durable. */
export { Table, type Change } from './table';
export { Tables, createMemoryStore, type Store } from './store';
export { openJournalStore, type JournalStoreOptions } from './journal-store';
