/**
 * Every message area, by name. One file per area keeps parallel work on different features
 * out of each other's way; the key a caller uses is "<area>.<key>".
 */
import { answers } from './answers';
import { common } from './common';
import { rounds } from './rounds';
import { security } from './security';
import { web } from './web';
import { privacy } from './privacy';
import { questions } from './questions';

export const catalog = {
  answers,
  common,
  rounds,
  security,
  web,
  privacy,
  questions,
};
