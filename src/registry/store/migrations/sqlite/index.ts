import type { Migration } from '../migration.js';
import { initial } from './0001-initial.js';
import { decisionChunks } from './0002-decision-chunks.js';
import { overrides } from './0003-overrides.js';

/** Every step of the SQLite schema, in order. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [initial, decisionChunks, overrides];
