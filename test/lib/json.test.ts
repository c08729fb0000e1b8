import { describe, expect, it } from 'vitest';
import { inboundJsonOrUndefined, isWellFormedJson, parseInboundJson } from '../../lib/json';

describe('JSON from a platform', () => {
  it('parses ordinary payloads, emoji and other astral characters included', () => {
    expect(parseInboundJson('{"text":"hola \\ud83d\\ude00 😀","n":[1,2]}')).toEqual({ ok: true, value: { text: 'hola 😀 😀', n: [1, 2] } });
  });

  it('refuses a string or a key holding a lone surrogate, and text that is not JSON', () => {
    expect(parseInboundJson('{"id":"a:\\uD800broken"}')).toEqual({ ok: false });
    expect(parseInboundJson('{"\\udc00":1}')).toEqual({ ok: false });
    expect(parseInboundJson('{"id":"\\ude00\\ud83d"}')).toEqual({ ok: false });
    expect(parseInboundJson('{"id":')).toEqual({ ok: false });
  });
});

describe('JSON a library parsed first (Socket Mode)', () => {
  it('is checked by the same guard', () => {
    expect(isWellFormedJson({ text: 'hola 😀', n: [1, 2] })).toBe(true);
    expect(isWellFormedJson({ text: 'a:\uD800broken' })).toBe(false);
    expect(isWellFormedJson({ ['\uDC00']: 1 })).toBe(false);
    expect(isWellFormedJson(undefined)).toBe(true);
  });

  it('gives undefined for missing, broken or ill-formed text', () => {
    expect(inboundJsonOrUndefined('{"a":1}')).toEqual({ a: 1 });
    expect(inboundJsonOrUndefined(undefined)).toBeUndefined();
    expect(inboundJsonOrUndefined('{"a":')).toBeUndefined();
    expect(inboundJsonOrUndefined('{"a":"\\ud800"}')).toBeUndefined();
  });
});
