import { describe, expect, it } from 'vitest';
import { parsePlatformJson } from '../../bot/core/json';

describe('JSON from a platform', () => {
  it('parses ordinary payloads, emoji and other astral characters included', () => {
    expect(parsePlatformJson('{"text":"hola \\ud83d\\ude00 😀","n":[1,2]}')).toEqual({ ok: true, value: { text: 'hola 😀 😀', n: [1, 2] } });
  });

  it('refuses a string or a key holding a lone surrogate, and text that is not JSON', () => {
    expect(parsePlatformJson('{"id":"a:\\uD800broken"}')).toEqual({ ok: false });
    expect(parsePlatformJson('{"\\udc00":1}')).toEqual({ ok: false });
    expect(parsePlatformJson('{"id":"\\ude00\\ud83d"}')).toEqual({ ok: false });
    expect(parsePlatformJson('{"id":')).toEqual({ ok: false });
  });
});
