import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026_11_28_001_initial';
import * as admin from './2026_11_28_002_admin';
import * as security from './2026_12_01_1354_security';
import * as languages from './2026_12_01_1358_languages';
import * as webEmail from './2026_12_01_1430_web_email';
import * as retention from './2026_12_01_1520_retention';
import * as signInDelays from './2026_12_01_1555_sign_in_delays';
import * as questionAnswers from './2026_12_01_1611_question_answers';
import * as approvalRounds from './2026_12_01_1613_approval_rounds';
import * as personLanguage from './2026_12_01_1700_person_language';
import * as installations from './2026_12_01_1720_installations';
import * as callTranslations from './2026_12_01_2050_call_translations';

/**
 * Every migration, listed by hand: a static provider works where there is no file system
 * (Workers), and the same list generates the SQL files that wrangler applies to D1.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_28_001_initial': initial,
  '2026_11_28_002_admin': admin,
  '2026_12_01_1354_security': security,
  '2026_12_01_1358_languages': languages,
  '2026_12_01_1430_web_email': webEmail,
  '2026_12_01_1520_retention': retention,
  '2026_12_01_1555_sign_in_delays': signInDelays,
  '2026_12_01_1611_question_answers': questionAnswers,
  '2026_12_01_1613_approval_rounds': approvalRounds,
  '2026_12_01_1700_person_language': personLanguage,
  '2026_12_01_1720_installations': installations,
  '2026_12_01_2050_call_translations': callTranslations,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
