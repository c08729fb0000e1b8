/**
 * The applicant pages' words in the reader's language, from the "web" catalogue area
 * (domain/i18n/catalog/web.ts). The locale comes from the browser's Accept-Language.
 */
import { localeFromAcceptLanguage, t, type AreaKey, type Locale, type MessageValues } from '../../domain/i18n';

const DOORS = ['slack', 'teams', 'web', 'playground'] as const;
const isDoor = (platform: string): platform is (typeof DOORS)[number] => (DOORS as readonly string[]).includes(platform);

export function webText(locale: Locale) {
  const m = (key: AreaKey<'web'>, values?: MessageValues) => t(locale, `web.${key}`, values);
  return {
    locale,
    product: m('product'),
    skip: m('skip'),
    navLabel: m('nav.label'),
    navMy: m('nav.my'),
    signOut: m('nav.signOut'),
    signInTitle: m('signIn.title'),
    signInIntro: m('signIn.intro'),
    emailLabel: m('signIn.emailLabel'),
    emailHelp: m('signIn.emailHelp'),
    sendCode: m('signIn.send'),
    codeTitle: m('code.title'),
    codeSent: (email: string) => m('code.sent', { email }),
    codeLabel: m('code.label'),
    codeHelp: m('code.help'),
    signIn: m('code.submit'),
    newCode: m('code.new'),
    otherAddress: m('code.otherAddress'),
    mailDelayed: m('code.delayed'),
    codeMailTitle: (code: string) => m('mail.codeTitle', { code }),
    codeMailText: (code: string) => m('mail.codeText', { code }),
    errors: {
      emailMissing: m('error.emailMissing'),
      emailTooLong: m('error.emailTooLong'),
      emailMalformed: m('error.emailMalformed'),
      addressLimit: m('error.addressLimit'),
      clientLimit: m('error.clientLimit'),
      codeMalformed: m('error.codeMalformed'),
      codeWrong: (left: number) => m('error.codeWrong', { left }),
      codeVoid: m('error.codeVoid'),
      codeExpired: m('error.codeExpired'),
      noPendingCode: m('error.noPendingCode'),
      csrf: m('error.csrf'),
      badForm: m('error.badForm'),
      unknownAction: m('error.unknownAction'),
      tooLarge: m('error.tooLarge'),
    },
    myTitle: m('my.title'),
    signedInAs: (email: string) => m('my.signedInAs', { email }),
    doors: (doors: string) => m('my.doors', { doors }),
    doorName: (platform: string) => (isDoor(platform) ? m(`door.${platform}`) : platform),
    notices: m('my.notices'),
    noticesWeb: m('my.noticesWeb'),
    noticesChat: m('my.noticesChat'),
    noticesBox: m('my.noticesBox'),
    save: m('my.save'),
    saved: m('my.saved'),
    formTitle: m('form.title'),
    stepOf: (title: string, n: number, total: number) => m('form.step', { title, n, total }),
    choose: m('form.choose'),
    problems: (count: number) => m('form.problems', { count }),
    continueMy: m('form.continue'),
    answerTitle: m('answer.title'),
    privacyNotice: t(locale, 'notice.link'),
    consentNotice: t(locale, 'notice.link.consent'),
  };
}

export type WebText = ReturnType<typeof webText>;

/** The words for this request's reader. */
export function textFor(c: { req: { header(name: string): string | undefined } }): WebText {
  return webText(localeFromAcceptLanguage(c.req.header('accept-language')));
}
