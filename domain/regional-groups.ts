/**
 * The UN regional groups by their names in each language (the UN's own French and Spanish names),
 * for what reviewers read in their language: the balance lines and the country field of a card.
 */
import { t, type Locale } from './i18n';
import type { RegionalGroup } from './countries';

const KEYS: Record<RegionalGroup, string> = {
  'African States': 'african',
  'Asia-Pacific States': 'asiaPacific',
  'Eastern European States': 'easternEuropean',
  'Latin American and Caribbean States': 'latinAmerican',
  'Western European and other States': 'western',
  Other: 'other',
};

export function groupName(group: RegionalGroup, l: Locale): string {
  return t(l, 'review.group', { group: KEYS[group] ?? 'other' });
}
