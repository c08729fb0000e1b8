/**
 * A real SMTP server in the test process (smtp-server) that parses what arrives (mailparser).
 * It can accept, refuse recipients (550), defer them (451) a number of times before accepting,
 * or go silent after the greeting so that the client times out.
 */
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export type SmtpMode = 'accept' | 'refuse' | 'silent' | { deferTimes: number };

export interface TestSmtp {
  url: string;
  port: number;
  mails: ParsedMail[];
  /** Raw RCPT attempts seen, accepted or not. */
  attempts: number;
  mode: SmtpMode;
  /** Resolves when `n` mails have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSmtp(mode: SmtpMode = 'accept', auth = { user: 'mailer', pass: 's3cret pass' }): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    port: 0,
    mails: [],
    attempts: 0,
    mode,
    async waitFor(n, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (state.mails.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} mails, got ${state.mails.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return state.mails;
    },
    close: async () => {},
  };
  let deferred = 0;
  const options: SMTPServerOptions = {
    disabledCommands: ['STARTTLS'],
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(a, _session, cb) {
      if (a.username === auth.user && a.password === auth.pass) return cb(null, { user: a.username });
      return cb(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onConnect(_session, cb) {
      if (state.mode === 'silent') return; // never greet: the client must give up by itself
      cb();
    },
    onRcptTo(_address, _session, cb) {
      state.attempts++;
      const m = state.mode;
      if (m === 'refuse') return cb(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
      if (typeof m === 'object' && deferred < m.deferTimes) {
        deferred++;
        return cb(Object.assign(new Error('4.7.1 Try again later'), { responseCode: 451 }));
      }
      cb();
    },
    onData(stream, _session, cb) {
      simpleParser(stream).then((mail) => {
        state.mails.push(mail);
        cb();
      }, cb);
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://${auth.user}:${encodeURIComponent(auth.pass)}@127.0.0.1:${state.port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
