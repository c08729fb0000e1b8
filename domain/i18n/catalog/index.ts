/**
 * Every message area, by name. One file per area keeps parallel work on different features
 * out of each other's way; the key a caller uses is "<area>.<key>".
 */
import { answers } from './answers';
import { apply } from './apply';
import { chrome } from './chrome';
import { common } from './common';
import { dates } from './dates';
import { form } from './form';
import { language } from './language';
import { notice } from './notice';
import { notices } from './notices';
import { review } from './review';
import { status } from './status';
import { rounds } from './rounds';
import { security } from './security';
import { web } from './web';
import { privacy } from './privacy';
import { questions } from './questions';
import { install } from './install';
import { tab } from './tab';
import { teamsApp } from './teams-app';

export const catalog = {
  answers,
  apply,
  chrome,
  common,
  dates,
  form,
  language,
  notice,
  notices,
  review,
  status,
  rounds,
  security,
  web,
  privacy,
  questions,
  install,
  tab,
  teamsApp,
};
