/**
 * Slack traffic as Slack would send it, signed with node:crypto (synchronous, so a load
 * generator can sign each request just before it goes): DM events, /dialogues commands and
 * modal submissions filled from the fixtures.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FIXTURE_STEPS } from '../support/playground-client';

export const TEAM = 'T123ABC456';
export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

const fixture = <T = any>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/slack/${name}`, import.meta.url), 'utf8')) as T;
const IM = fixture('event_message_im.json');
const COMMAND = fixture<Record<string, string>>('slash_command.fields.json');
const SUBMISSION = fixture('interactivity_view_submission.json');

export function slackSignature(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Headers for a signed request with a fresh timestamp (or `skewSeconds` away from now). */
export function signedHeaders(secret: string, body: string, contentType: string, skewSeconds = 0): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000) + skewSeconds);
  return { 'content-type': contentType, 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(secret, ts, body) };
}

/** Questions people ask in the week before a deadline. */
export const QUESTIONS = [
  'what is the deadline to apply?',
  'who can apply?',
  'is there travel support?',
  'how much does it cost to attend?',
  'can academia apply?',
  'where does the dialogue take place?',
  'do we need ECOSOC status?',
  'how do I apply',
  'can I edit my application after submitting?',
  'when will I know if I am selected?',
];

export const userId = (n: number) => `U${String(n).padStart(9, '0')}`;

export function dmEventBody(eventId: string, user: string, text: string): string {
  return JSON.stringify({
    ...IM,
    team_id: TEAM,
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { ...IM.event, user, channel: `D${user.slice(1)}`, text, client_msg_id: eventId, ts: `${Math.floor(Date.now() / 1000)}.000100` },
  });
}

export function commandBody(text: string, trigger: string, user: string): string {
  return new URLSearchParams({
    ...COMMAND,
    team_id: TEAM,
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/dialogues',
    text,
    trigger_id: trigger,
  }).toString();
}

/** What Slack would send for a modal filled with `values` (by field id). */
export function stateFor(view: any, values: Record<string, string | string[] | undefined>) {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of (view.blocks ?? []).filter((b: any) => b.type === 'input')) {
    const el = block.element;
    const v = values[block.block_id];
    const opt = (value: string) => ({ value });
    let s: Record<string, unknown>;
    if (el.type === 'plain_text_input') s = { type: el.type, value: v ?? null };
    else if (el.type === 'static_select') s = { type: el.type, selected_option: v ? opt(String(v)) : null };
    else s = { type: el.type, selected_options: (Array.isArray(v) ? v : v ? [v] : []).map(opt) };
    state[block.block_id] = { [el.action_id]: s };
  }
  return state;
}

/** A view_submission of `view` filled from FIXTURE_STEPS (organisation name made unique per user). */
export function submissionBody(view: any, user: string, n: number, orgName?: string): string {
  const stepId = String(view.callback_id).split('|')[2]!;
  const values: Record<string, any> = { ...FIXTURE_STEPS[stepId] };
  if (stepId === 'organisation' && orgName) values.organisationName = orgName;
  if (stepId === 'representatives') values.rep1_email = `${user.toLowerCase()}@example.org`;
  const payload = {
    ...SUBMISSION,
    team: { id: TEAM, domain: 'example' },
    user: { ...SUBMISSION.user, id: user, team_id: TEAM },
    trigger_id: `trig-${user}-${n}`,
    view: { ...SUBMISSION.view, ...view, id: `V${user}`, hash: `hash-${user}-${n}`, state: { values: stateFor(view, values) } },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
