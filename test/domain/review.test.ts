import { describe, expect, it } from 'vitest';
import {
  FOCUS_LABELS,
  GENDER_LABELS,
  PARTICIPATION_LABELS,
  STAKEHOLDER_LABELS,
  stakeholderMayApply,
  travelSupportEligible,
} from '../../domain/eligibility';
import { canDecide, checkDecision, describeStatus, overallStatus, reasonRequired, statusAfter, validateReason } from '../../domain/review';
import type { Application, DialogueReviewStatus } from '../../domain/types';

describe('eligibility', () => {
  it('labels every choice', () => {
    expect(STAKEHOLDER_LABELS).toEqual({
      ngo_ecosoc: 'NGO with ECOSOC consultative status',
      ngo: 'NGO without ECOSOC status',
      academia: 'Academia',
      private_sector: 'Private sector',
      other: 'Other',
    });
    expect(GENDER_LABELS.non_binary).toBe('Non-binary');
    expect(GENDER_LABELS.prefer_not_to_say).toBe('Prefer not to say');
    expect(PARTICIPATION_LABELS).toEqual({ in_person: 'In person', online: 'Online' });
    expect(Object.keys(FOCUS_LABELS)).toEqual(['none', 'grassroots', 'victim_led', 'victim_focused']);
  });

  it('lets every stakeholder type apply', () => {
    for (const t of Object.keys(STAKEHOLDER_LABELS)) expect(stakeholderMayApply(t as never)).toBe(true);
  });

  it('offers travel support only to supported organisations attending in person', () => {
    for (const f of ['grassroots', 'victim_led', 'victim_focused'] as const) {
      expect(travelSupportEligible({ organisationFocus: f, participation: 'in_person' })).toBe(true);
      expect(travelSupportEligible({ organisationFocus: f, participation: 'online' })).toBe(false);
      expect(travelSupportEligible({ organisationFocus: f })).toBe(false);
    }
    expect(travelSupportEligible({ organisationFocus: 'none', participation: 'in_person' })).toBe(false);
    expect(travelSupportEligible({ participation: 'in_person' })).toBe(false);
  });
});

describe('review rules', () => {
  it('maps outcomes to statuses', () => {
    expect(statusAfter('approve')).toBe('approved');
    expect(statusAfter('reject')).toBe('rejected');
    expect(statusAfter('request_info')).toBe('info_requested');
  });

  it('decides only pending dialogues', () => {
    const all: DialogueReviewStatus[] = ['pending', 'approved', 'rejected', 'info_requested', 'withdrawn'];
    expect(all.filter(canDecide)).toEqual(['pending']);
  });

  it('requires a reason to reject or ask for information', () => {
    expect(reasonRequired('approve')).toBe(false);
    expect(reasonRequired('reject')).toBe(true);
    expect(reasonRequired('request_info')).toBe(true);
  });

  it('validates reasons with human messages', () => {
    expect(validateReason('approve', undefined)).toEqual({ ok: true, reason: null });
    expect(validateReason('approve', '  ')).toEqual({ ok: true, reason: null });
    expect(validateReason('reject', '')).toEqual({ ok: false, message: 'Write a reason for the rejection.' });
    expect(validateReason('request_info', null)).toEqual({ ok: false, message: 'Write what information you need from the applicant.' });
    expect(validateReason('reject', ' abc ')).toEqual({ ok: false, message: 'The reason must be at least 5 characters.' });
    expect(validateReason('reject', 'x'.repeat(1001))).toEqual({ ok: false, message: 'The reason must be at most 1,000 characters.' });
    expect(validateReason('reject', 'bad\u0007bell')).toEqual({
      ok: false,
      message: 'The reason contains characters that cannot be shown.',
    });
    expect(validateReason('reject', '  Not relevant to firearms.  ')).toEqual({ ok: true, reason: 'Not relevant to firearms.' });
    expect(validateReason('request_info', 'x'.repeat(1000))).toMatchObject({ ok: true });
  });

  const app = (status: Application['status'], dialogue: DialogueReviewStatus) => ({
    status,
    dialogues: [{ dialogueId: 'firearms', status: dialogue, round: 1 }],
  });

  it('refuses decisions on withdrawn, unsubmitted or decided applications', () => {
    expect(checkDecision(app('withdrawn', 'pending'), 'firearms', 'approve', null)).toMatchObject({ ok: false, code: 'withdrawn' });
    expect(checkDecision(app('submitted', 'withdrawn'), 'firearms', 'approve', null)).toMatchObject({ ok: false, code: 'withdrawn' });
    expect(checkDecision(app('draft', 'pending'), 'firearms', 'approve', null)).toMatchObject({ ok: false, code: 'not_submitted' });
    expect(checkDecision(app('submitted', 'pending'), 'technical-assistance', 'approve', null)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(checkDecision(app('submitted', 'approved'), 'firearms', 'reject', 'Changed our minds')).toEqual({
      ok: false,
      code: 'not_pending',
      message: 'This application has already been decided: approved.',
    });
    expect(checkDecision(app('submitted', 'pending'), 'firearms', 'reject', '')).toMatchObject({ ok: false, code: 'reason_invalid' });
    expect(checkDecision(app('submitted', 'pending'), 'firearms', 'reject', 'Out of scope')).toEqual({ ok: true, reason: 'Out of scope' });
  });

  it('summarises statuses across dialogues', () => {
    const of = (...s: DialogueReviewStatus[]) => overallStatus(s.map((status) => ({ status })));
    expect(of()).toBe('pending');
    expect(of('approved', 'approved')).toBe('approved');
    expect(of('rejected')).toBe('rejected');
    expect(of('approved', 'rejected')).toBe('partly_approved');
    expect(of('approved', 'pending')).toBe('pending');
    expect(of('pending', 'info_requested')).toBe('info_requested');
    expect(of('withdrawn', 'approved')).toBe('approved');
    expect(of('withdrawn', 'withdrawn')).toBe('withdrawn');
  });

  it('describes statuses in words', () => {
    expect(describeStatus('pending')).toBe('Waiting for review');
    expect(describeStatus('rejected')).toBe('Not approved');
    expect(describeStatus('info_requested')).toBe('More information requested');
    expect(describeStatus('partly_approved')).toBe('Approved for some dialogues');
    expect(describeStatus('draft')).toBe('Draft, not submitted yet');
  });
});
