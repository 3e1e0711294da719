import 'server-only';
/**
 * E-mail from the inbox (issue 18 item 3). One interface, two senders, like SMS (lib/messaging/sender.ts):
 * - the outbox (no SMTP configured: demo and tests): the message stays in `outbox_messages` as `queued`, channel
 *   `email`, for the city to read at /bureau/outbox;
 * - SMTP through nodemailer (SMTP_URL + MAIL_FROM): sent, and the outbox keeps the record (`sent` or `failed`).
 * The nodemailer transport is injectable, so tests drive the real send path with nodemailer's own stream
 * transport instead of a mock of our code.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Queryable } from '@/db';
import { insertOutboxMessage } from '@/db/queries/outbox';
import { env } from '@/lib/env';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  purpose: string;
  relatedType?: string | null;
  relatedId?: string | null;
}

export interface EmailSender {
  readonly kind: 'outbox' | 'smtp';
  send(db: Queryable, m: OutgoingEmail, at: Date): Promise<{ status: 'queued' | 'sent' | 'failed'; outboxId: string }>;
}

const row = (m: OutgoingEmail, at: Date) => ({
  channel: 'email',
  recipient: m.to,
  subject: m.subject,
  body: m.text,
  purpose: m.purpose,
  relatedType: m.relatedType ?? null,
  relatedId: m.relatedId ?? null,
  createdAt: at,
});

export const outboxEmailSender: EmailSender = {
  kind: 'outbox',
  async send(db, m, at) {
    return { status: 'queued', outboxId: await insertOutboxMessage(db, { ...row(m, at), status: 'queued' }) };
  },
};

/** Sends through a nodemailer transport (SMTP in production); the outbox records the outcome. */
export function smtpEmailSender(transport: Pick<Transporter, 'sendMail'>, from: string): EmailSender {
  return {
    kind: 'smtp',
    async send(db, m, at) {
      let error: string | null = null;
      try {
        await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
      } catch (e) {
        error = `smtp: ${e instanceof Error ? e.message.slice(0, 200) : 'error'}`;
        console.error(`[messaging] ${m.purpose} e-mail failed: ${error}`);
      }
      const status = error ? ('failed' as const) : ('sent' as const);
      const outboxId = await insertOutboxMessage(db, { ...row(m, at), status, error, sentAt: error ? null : at });
      return { status, outboxId };
    },
  };
}

let cachedSmtp: { url: string; sender: EmailSender } | undefined;

/** The sender the configuration names: SMTP when SMTP_URL and MAIL_FROM are set, else the outbox. */
export function emailSender(e: { SMTP_URL?: string; MAIL_FROM?: string } = env()): EmailSender {
  if (!e.SMTP_URL || !e.MAIL_FROM) return outboxEmailSender;
  if (cachedSmtp?.url !== e.SMTP_URL) {
    cachedSmtp = { url: e.SMTP_URL, sender: smtpEmailSender(nodemailer.createTransport(e.SMTP_URL), e.MAIL_FROM) };
  }
  return cachedSmtp.sender;
}
