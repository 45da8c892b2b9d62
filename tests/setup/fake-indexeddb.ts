// Unit tests run Dexie on fake-indexeddb: a real IndexedDB implementation in memory.
import 'fake-indexeddb/auto';
