import { describe, expect, it } from 'vitest';
import {
  callFor,
  callState,
  currentOrNextCall,
  describeDeadline,
  formatDialogueDate,
  formatInstant,
  openCalls,
  zoneCity,
} from '../../domain/calls';
import type { Call } from '../../domain/types';

const call = (over: Partial<Call> = {}): Call => ({
  id: 'cd-2023-firearms-ta',
  title: 'Constructive Dialogues on Firearms and Technical Assistance',
  referencePrefix: 'CD-2023',
  dialogueIds: ['firearms', 'technical-assistance'],
  opensAt: '2023-01-05T08:00:00.000Z',
  closesAt: '2023-02-12T23:00:00.000Z', // 12 February 2023, midnight Vienna time
  zone: 'Europe/Vienna',
  archived: false,
  ...over,
});
const at = (iso: string) => new Date(iso);

describe('callState', () => {
  const c = call();
  it('is upcoming before it opens, open from opensAt, closed from closesAt', () => {
    expect(callState(c, at('2023-01-05T07:59:59.999Z'))).toBe('upcoming');
    expect(callState(c, at('2023-01-05T08:00:00.000Z'))).toBe('open');
    expect(callState(c, at('2023-02-12T22:59:59.999Z'))).toBe('open');
    expect(callState(c, at('2023-02-12T23:00:00.000Z'))).toBe('closed');
  });
});

describe('finding calls', () => {
  const first = call();
  const later = call({
    id: 'cd-2023-ic',
    dialogueIds: ['international-cooperation'],
    opensAt: '2023-03-15T08:00:00Z',
    closesAt: '2023-05-01T22:00:00Z',
  });
  const old = call({
    id: 'cd-2022',
    dialogueIds: ['firearms'],
    opensAt: '2022-01-01T00:00:00Z',
    closesAt: '2022-02-01T00:00:00Z',
    archived: true,
  });
  const calls = [later, old, first];

  it('lists open calls only, never archived ones', () => {
    expect(openCalls(calls, at('2023-01-20T00:00:00Z')).map((c) => c.id)).toEqual(['cd-2023-firearms-ta']);
    expect(openCalls(calls, at('2022-01-15T00:00:00Z'))).toEqual([]);
  });

  it('gives the open call, else the next one, else nothing', () => {
    expect(currentOrNextCall(calls, at('2023-01-20T00:00:00Z'))?.id).toBe('cd-2023-firearms-ta');
    expect(currentOrNextCall(calls, at('2023-02-20T00:00:00Z'))?.id).toBe('cd-2023-ic');
    expect(currentOrNextCall(calls, at('2023-06-01T00:00:00Z'))).toBeUndefined();
  });

  it('finds the live call for a dialogue before an archived one', () => {
    expect(callFor(calls, 'firearms')?.id).toBe('cd-2023-firearms-ta');
    expect(callFor(calls, 'international-cooperation')?.id).toBe('cd-2023-ic');
    expect(callFor(calls, 'nope')).toBeUndefined();
  });
});

describe('describeDeadline', () => {
  const c = call();

  it('shows a midnight close as the end of the previous day in Vienna time', () => {
    const d = describeDeadline(c, at('2023-01-20T10:00:00Z'));
    expect(d.callZoneText).toBe('12 February 2023, midnight (24:00) Vienna time (CET, UTC+1)');
    expect(d.askerZoneText).toBeNull();
    expect(d.closed).toBe(false);
    expect(d.daysLeft).toBe(23);
    expect(d.sentence).toBe('The deadline for applications is 12 February 2023, midnight (24:00) Vienna time (CET, UTC+1). 23 days left.');
  });

  it.each([
    ['Asia/Manila', '13 February 2023, 07:00 (Asia/Manila, UTC+8)'],
    ['America/New_York', '12 February 2023, 18:00 (America/New_York, UTC-5)'],
    ['Pacific/Kiritimati', '13 February 2023, 13:00 (Pacific/Kiritimati, UTC+14)'],
    ['Pacific/Pago_Pago', '12 February 2023, 12:00 (Pacific/Pago_Pago, UTC-11)'],
    ['Asia/Kolkata', '13 February 2023, 04:30 (Asia/Kolkata, UTC+5:30)'],
    ['Europe/Berlin', '12 February 2023, 24:00 (Europe/Berlin, UTC+1)'],
  ])('gives the deadline in %s', (zone, text) => {
    const d = describeDeadline(c, at('2023-01-20T10:00:00Z'), zone);
    expect(d.askerZoneText).toBe(text);
  });

  it('mentions the asker’s time only when it differs from Vienna', () => {
    expect(describeDeadline(c, at('2023-02-01T00:00:00Z'), 'Asia/Manila').sentence).toContain(
      'That is 13 February 2023, 07:00 (Asia/Manila, UTC+8) where you are.',
    );
    expect(describeDeadline(c, at('2023-02-01T00:00:00Z'), 'Europe/Berlin').sentence).not.toContain('where you are');
  });

  it('ignores an invalid zone', () => {
    for (const zone of ['Mars/Olympus', '', null, undefined]) {
      const d = describeDeadline(c, at('2023-02-01T00:00:00Z'), zone);
      expect(d.askerZoneText).toBeNull();
      expect(d.sentence).not.toContain('where you are');
    }
  });

  it('counts whole days in Vienna', () => {
    const days = (iso: string) => describeDeadline(c, at(iso)).daysLeft;
    expect(days('2023-02-10T22:59:59Z')).toBe(2); // 10 Feb 23:59:59 Vienna
    expect(days('2023-02-10T23:00:00Z')).toBe(1); // 11 Feb 00:00 Vienna
    expect(days('2023-02-11T22:59:59Z')).toBe(1);
    expect(days('2023-02-11T23:00:00Z')).toBe(0); // 12 Feb: the last day
    expect(days('2023-02-12T22:59:59Z')).toBe(0);
    expect(describeDeadline(c, at('2023-02-11T12:00:00Z')).sentence).toMatch(/ 1 day left\.$/);
    expect(describeDeadline(c, at('2023-02-12T12:00:00Z')).sentence).toMatch(/The call closes in 11 hours\.$/);
    expect(describeDeadline(c, at('2023-02-12T21:30:00Z')).sentence).toMatch(/The call closes in an hour and 30 minutes\.$/);
    expect(describeDeadline(c, at('2023-02-12T22:59:00Z'), 'Asia/Manila').sentence).toMatch(
      /07:00 \(Asia\/Manila, UTC\+8\) where you are\. The call closes in 1 minute\.$/,
    );
    expect(describeDeadline(c, at('2023-02-12T22:59:59Z')).sentence).toMatch(/The call closes in 1 minute\.$/);
  });

  it('says when the call closed', () => {
    const d = describeDeadline(c, at('2023-02-12T23:00:00Z'), 'Asia/Manila');
    expect(d.closed).toBe(true);
    expect(d.daysLeft).toBeNull();
    expect(d.sentence).toBe('The call closed on 12 February 2023 at midnight Vienna time.');
  });

  it('says a closed non-midnight deadline with its time', () => {
    const d = describeDeadline(call({ closesAt: '2023-02-12T17:00:00Z' }), at('2023-03-01T00:00:00Z'));
    expect(d.sentence).toBe('The call closed on 12 February 2023 at 18:00 Vienna time.');
  });

  it('says when an upcoming call opens', () => {
    const d = describeDeadline(c, at('2023-01-01T00:00:00Z'));
    expect(d.closed).toBe(false);
    expect(d.sentence).toBe(
      'Applications open on 5 January 2023, 09:00 Vienna time and close on 12 February 2023, midnight (24:00) Vienna time (CET, UTC+1).',
    );
  });

  describe('across daylight saving time in Vienna', () => {
    // Midnight at the start of 26 March 2023 is still CET; DST begins at 02:00 that night.
    const startOfDstDay = call({ closesAt: '2023-03-25T23:00:00Z' });
    // Midnight at the end of 26 March 2023 is CEST.
    const endOfDstDay = call({ closesAt: '2023-03-26T22:00:00Z' });
    const endOfOctober = call({ closesAt: '2023-10-29T23:00:00Z' }); // end of 29 Oct, after DST ended

    it('uses the offset in force at the deadline', () => {
      expect(describeDeadline(startOfDstDay, at('2023-03-01T00:00:00Z')).callZoneText).toBe(
        '25 March 2023, midnight (24:00) Vienna time (CET, UTC+1)',
      );
      expect(describeDeadline(endOfDstDay, at('2023-03-01T00:00:00Z')).callZoneText).toBe(
        '26 March 2023, midnight (24:00) Vienna time (CEST, UTC+2)',
      );
      expect(describeDeadline(endOfOctober, at('2023-10-01T00:00:00Z')).callZoneText).toBe(
        '29 October 2023, midnight (24:00) Vienna time (CET, UTC+1)',
      );
    });

    it('counts days across the 23-hour and 25-hour days', () => {
      expect(describeDeadline(endOfDstDay, at('2023-03-25T12:00:00Z')).daysLeft).toBe(1);
      expect(describeDeadline(endOfDstDay, at('2023-03-25T23:30:00Z')).daysLeft).toBe(0); // 26 Mar 00:30 CET
      expect(describeDeadline(endOfDstDay, at('2023-03-19T12:00:00Z')).daysLeft).toBe(7);
      expect(describeDeadline(endOfOctober, at('2023-10-28T12:00:00Z')).daysLeft).toBe(1);
      expect(describeDeadline(endOfOctober, at('2023-10-28T22:30:00Z')).daysLeft).toBe(0); // 29 Oct 00:30 CEST
      expect(describeDeadline(endOfOctober, at('2023-10-22T12:00:00Z')).daysLeft).toBe(7);
    });

    it('closes exactly at the instant', () => {
      expect(describeDeadline(endOfDstDay, at('2023-03-26T21:59:59Z')).closed).toBe(false);
      expect(describeDeadline(endOfDstDay, at('2023-03-26T22:00:00Z')).sentence).toBe(
        'The call closed on 26 March 2023 at midnight Vienna time.',
      );
    });

    it('gives the New York time across both DST changes', () => {
      expect(describeDeadline(endOfDstDay, at('2023-03-01T00:00:00Z'), 'America/New_York').askerZoneText).toBe(
        '26 March 2023, 18:00 (America/New_York, UTC-4)',
      );
      expect(describeDeadline(endOfOctober, at('2023-10-01T00:00:00Z'), 'America/New_York').askerZoneText).toBe(
        '29 October 2023, 19:00 (America/New_York, UTC-4)',
      );
    });
  });
});

describe('formatting', () => {
  it('formats dialogue dates', () => {
    expect(formatDialogueDate('2023-05-05')).toBe('5 May 2023');
    expect(formatDialogueDate('2023-05-31')).toBe('31 May 2023');
    expect(formatDialogueDate('soon')).toBe('soon');
  });

  it('formats instants in a zone, falling back to UTC', () => {
    expect(formatInstant('2023-02-12T23:00:00Z', 'Asia/Manila')).toBe('13 February 2023, 07:00 (Asia/Manila, UTC+8)');
    expect(formatInstant('2023-02-12T23:00:00Z', 'Nowhere/Else')).toBe('12 February 2023, 23:00 (UTC, UTC+0)');
  });

  it('names a zone after its city', () => {
    expect(zoneCity('Europe/Vienna')).toBe('Vienna');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });
});
