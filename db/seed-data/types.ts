import type { Call, Dialogue, FaqEntry } from '../../domain/types';

/** Everything needed to start a fresh database: plain data, editable later by the secretariat. */
export interface SeedData {
  dialogues: Dialogue[];
  calls: Call[];
  faq: FaqEntry[];
  settings: Record<string, unknown>;
}
