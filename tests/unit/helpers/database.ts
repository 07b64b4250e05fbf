/**
 * Fresh IndexedDB databases for unit tests (fake-indexeddb), each under its own name and
 * deleted after every test, so no test sees another's rows.
 */
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { openDatabase, type EdgewiseDatabase } from '@/lib/store';

let opened = 0;
const open: EdgewiseDatabase[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.delete()));
});

/** A new, empty Edgewise database (or the one called `name`, to reopen it), deleted after the test. */
export function freshDatabase(name = `edgewise-test-${process.pid}-${++opened}`): EdgewiseDatabase {
  const db = openDatabase(name);
  open.push(db);
  return db;
}
