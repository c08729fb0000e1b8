/**
 * Slack's documented Block Kit limits (block and element reference pages, chat.postMessage and
 * views.open): what makes Slack answer `invalid_blocks` / `invalid_arguments`, or cut text.
 * Also flags any string the product shortened itself (an ellipsis it added), so that nothing
 * carrying meaning is truncated.
 */
type Json = Record<string, any>;

export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  blockId: 255,
  actionId: 255,
  header: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  options: 100,
  optionGroups: 100,
  optionText: 75,
  optionValue: 150,
  optionGroupLabel: 75,
  checkboxOptions: 10,
  textInputMax: 3000,
  viewTitle: 24,
  viewButton: 24,
  callbackId: 255,
  privateMetadata: 3000,
} as const;
const L = SLACK_LIMITS;

const BLOCK_TYPES = new Set(['section', 'header', 'context', 'actions', 'divider', 'input']);
const len = (s: unknown) => (typeof s === 'string' ? s.length : 0);

function textObject(t: Json | undefined, where: string, max: number, out: string[], kind?: 'plain_text' | 'mrkdwn'): void {
  if (!t) return out.push(`${where}: missing text object`) as unknown as void;
  if (t.type !== 'plain_text' && t.type !== 'mrkdwn') out.push(`${where}: text type ${t.type}`);
  if (kind && t.type !== kind) out.push(`${where}: must be ${kind}`);
  if (typeof t.text !== 'string' || t.text.length === 0) out.push(`${where}: empty text`);
  if (len(t.text) > max) out.push(`${where}: ${len(t.text)} characters > ${max}`);
  if (typeof t.text === 'string' && t.text.includes('…'))
    out.push(`${where}: shortened by the product: ${JSON.stringify(t.text.slice(-60))}`);
}

function option(o: Json, where: string, out: string[]): void {
  textObject(o.text, `${where}.text`, L.optionText, out);
  if (typeof o.value !== 'string' || o.value.length === 0 || o.value.length > L.optionValue)
    out.push(`${where}.value length ${len(o.value)}`);
}

function options(el: Json, where: string, out: string[], max: number): void {
  if (el.options && el.option_groups) out.push(`${where}: both options and option_groups`);
  if (el.options) {
    if (el.options.length === 0 || el.options.length > max) out.push(`${where}: ${el.options.length} options (max ${max})`);
    el.options.forEach((o: Json, i: number) => option(o, `${where}.options[${i}]`, out));
  }
  if (el.option_groups) {
    if (el.option_groups.length > L.optionGroups) out.push(`${where}: ${el.option_groups.length} option groups`);
    el.option_groups.forEach((g: Json, i: number) => {
      textObject(g.label, `${where}.option_groups[${i}].label`, L.optionGroupLabel, out, 'plain_text');
      if (!g.options?.length || g.options.length > L.options) out.push(`${where}.option_groups[${i}]: ${g.options?.length} options`);
      g.options?.forEach((o: Json, j: number) => option(o, `${where}.option_groups[${i}].options[${j}]`, out));
    });
  }
  const all: Json[] = el.options ?? (el.option_groups ?? []).flatMap((g: Json) => g.options ?? []);
  const values = all.map((o) => o.value);
  if (new Set(values).size !== values.length) out.push(`${where}: duplicate option values`);
  for (const init of [el.initial_option, ...(el.initial_options ?? [])].filter(Boolean)) {
    // Slack requires an initial option to be exactly one of the options (text and value).
    if (!all.some((o) => o.value === init.value && o.text?.text === init.text?.text))
      out.push(`${where}: initial option ${init.value} is not one of the options`);
  }
}

function element(el: Json, where: string, out: string[]): void {
  if (el.action_id !== undefined && (len(el.action_id) === 0 || len(el.action_id) > L.actionId))
    out.push(`${where}.action_id length ${len(el.action_id)}`);
  if (el.placeholder) textObject(el.placeholder, `${where}.placeholder`, L.placeholder, out, 'plain_text');
  switch (el.type) {
    case 'button':
      textObject(el.text, `${where}.text`, L.buttonText, out, 'plain_text');
      if (len(el.value) > L.buttonValue) out.push(`${where}.value ${len(el.value)} characters`);
      if (el.url && len(el.url) > L.url) out.push(`${where}.url too long`);
      if (el.style && el.style !== 'primary' && el.style !== 'danger') out.push(`${where}.style ${el.style}`);
      break;
    case 'static_select':
    case 'multi_static_select':
      options(el, where, out, L.options);
      break;
    case 'checkboxes':
    case 'radio_buttons':
      options(el, where, out, L.checkboxOptions);
      if (el.option_groups) out.push(`${where}: ${el.type} takes no option groups`);
      break;
    case 'plain_text_input':
      if (el.max_length !== undefined && (el.max_length < 1 || el.max_length > L.textInputMax))
        out.push(`${where}.max_length ${el.max_length}`);
      if (el.initial_value !== undefined && el.max_length !== undefined && len(el.initial_value) > el.max_length)
        out.push(`${where}.initial_value longer than max_length`);
      break;
    case 'mrkdwn':
    case 'plain_text':
      break;
    default:
      out.push(`${where}: element type ${el.type} not used by this product`);
  }
}

/** Problems with a list of blocks; `surface` decides the block count limit. */
export function blocksProblems(blocks: Json[], surface: 'message' | 'modal'): string[] {
  const out: string[] = [];
  const max = surface === 'message' ? L.messageBlocks : L.viewBlocks;
  if (blocks.length > max) out.push(`${blocks.length} blocks > ${max}`);
  const blockIds = new Set<string>();
  blocks.forEach((b, i) => {
    const where = `blocks[${i}] (${b.type})`;
    if (!BLOCK_TYPES.has(b.type)) out.push(`${where}: unknown block type`);
    if (b.block_id !== undefined) {
      if (len(b.block_id) > L.blockId) out.push(`${where}.block_id too long`);
      if (blockIds.has(b.block_id)) out.push(`${where}: duplicate block_id ${b.block_id}`);
      blockIds.add(b.block_id);
    }
    if (b.type === 'input' && surface === 'message') out.push(`${where}: input blocks need a modal`);
    switch (b.type) {
      case 'header':
        textObject(b.text, `${where}.text`, L.header, out, 'plain_text');
        break;
      case 'section':
        if (!b.text && !b.fields) out.push(`${where}: neither text nor fields`);
        if (b.text) textObject(b.text, `${where}.text`, L.sectionText, out);
        if (b.fields) {
          if (b.fields.length > L.sectionFields) out.push(`${where}: ${b.fields.length} fields`);
          b.fields.forEach((f: Json, j: number) => textObject(f, `${where}.fields[${j}]`, L.fieldText, out));
        }
        if (b.accessory) element(b.accessory, `${where}.accessory`, out);
        break;
      case 'context':
        if (!b.elements?.length || b.elements.length > L.contextElements) out.push(`${where}: ${b.elements?.length} elements`);
        b.elements?.forEach((e: Json, j: number) => textObject(e, `${where}.elements[${j}]`, L.sectionText, out));
        break;
      case 'actions': {
        if (!b.elements?.length || b.elements.length > L.actionsElements) out.push(`${where}: ${b.elements?.length} elements`);
        const ids = (b.elements ?? []).map((e: Json) => e.action_id);
        if (new Set(ids).size !== ids.length) out.push(`${where}: duplicate action_id in one block`);
        b.elements?.forEach((e: Json, j: number) => element(e, `${where}.elements[${j}]`, out));
        break;
      }
      case 'input':
        textObject(b.label, `${where}.label`, L.inputLabel, out, 'plain_text');
        if (b.hint) textObject(b.hint, `${where}.hint`, L.inputHint, out, 'plain_text');
        element(b.element, `${where}.element`, out);
        break;
    }
  });
  return out;
}

/** chat.postMessage / chat.update / chat.postEphemeral / response_url arguments. */
export function messageProblems(msg: Json): string[] {
  const out: string[] = [];
  if (typeof msg.text !== 'string' || msg.text.trim() === '') out.push('message without fallback text');
  if (len(msg.text) > L.messageText) out.push(`text ${len(msg.text)} characters`);
  const blocks = typeof msg.blocks === 'string' ? JSON.parse(msg.blocks) : msg.blocks;
  if (blocks !== undefined) out.push(...blocksProblems(blocks, 'message'));
  return out;
}

/** A modal view (views.open, views.update, views.push, response_action update/push). */
export function viewProblems(view: Json): string[] {
  const out: string[] = [];
  if (view.type !== 'modal' && view.type !== 'home') out.push(`view type ${view.type}`);
  if (view.type === 'modal') {
    textObject(view.title, 'title', L.viewTitle, out, 'plain_text');
    if (view.submit) textObject(view.submit, 'submit', L.viewButton, out, 'plain_text');
    if (view.close) textObject(view.close, 'close', L.viewButton, out, 'plain_text');
    const hasInput = (view.blocks ?? []).some((b: Json) => b.type === 'input');
    if (hasInput && !view.submit) out.push('modal with inputs but no submit button');
  }
  if (len(view.callback_id) > L.callbackId) out.push('callback_id too long');
  if (len(view.private_metadata) > L.privateMetadata) out.push('private_metadata too long');
  out.push(...blocksProblems(view.blocks ?? [], 'modal'));
  return out;
}
