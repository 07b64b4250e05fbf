export {
  DATABASE_NAME,
  openDatabase,
  type EdgewiseDatabase,
  type ModelChunkRecord,
  type ModelFileRecord,
  type SettingRecord,
} from './schema';
