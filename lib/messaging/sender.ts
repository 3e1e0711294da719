import 'server-only';
/**
 * Messages to people (SMS one-time codes, notices of a decision). One interface, two senders:
 * - the outbox (no gateway configured: demo and tests): the message is kept in `outbox_messages` with status
 *   `queued`, and the city reads it at /bureau/outbox;
 * - an HTTP gateway (SMS_GATEWAY_URL + SMS_GATEWAY_TOKEN): a JSON POST per message; the outbox keeps a record
 *   of it (`sent` or `failed`), with the text of a secret message (a one-time code) left out.
 * Either way every message leaves a row, so the city can see what was sent to whom and when.
 */
import type { Queryable } from '@/db';
import { insertOutboxMessage } from '@/db/queries/outbox';
import { env } from '@/lib/env';

export interface OutgoingMessage {
  channel: 'sms';
  /** A mobile number (11 digits). */
  recipient: string;
  body: string;
  /** What it is for, e.g. `identity.otp`, `objection.decided`. */
  purpose: string;
  relatedType?: string | null;
  relatedId?: string | null;
  /** Holds a secret (a one-time code): never kept in clear once a real gateway has sent it. */
  secret?: boolean;
}

export interface SendResult {
  status: 'queued' | 'sent' | 'failed';
  outboxId: string;
}

export interface MessageSender {
  readonly kind: 'outbox' | 'http';
  send(db: Queryable, m: OutgoingMessage, at: Date): Promise<SendResult>;
}

const row = (m: OutgoingMessage, at: Date) => ({
  channel: m.channel,
  recipient: m.recipient,
  body: m.body,
  purpose: m.purpose,
  relatedType: m.relatedType ?? null,
  relatedId: m.relatedId ?? null,
  createdAt: at,
});

/** Keeps the message in the outbox for the city to read (no gateway). */
export const outboxSender: MessageSender = {
  kind: 'outbox',
  async send(db, m, at) {
    const outboxId = await insertOutboxMessage(db, { ...row(m, at), status: 'queued' });
    return { status: 'queued', outboxId };
  },
};

export const REDACTED_BODY = '（含验证码，已由短信网关发送，平台不留存内容）';
const GATEWAY_TIMEOUT_MS = 5000;

/**
 * A gateway that takes `POST <url>` with `Authorization: Bearer <token>` and the JSON
 * `{ "to": "<mobile>", "text": "<body>", "purpose": "<purpose>" }`, answering 2xx when it accepted the message.
 * A deployment whose gateway speaks another dialect puts a small relay in front of it.
 */
export function httpGatewaySender(url: string, token: string, fetchImpl: typeof fetch = fetch): MessageSender {
  return {
    kind: 'http',
    async send(db, m, at) {
      let error: string | null = null;
      try {
        const res = await fetchImpl(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ to: m.recipient, text: m.body, purpose: m.purpose }),
          signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
        });
        if (!res.ok) error = `gateway answered ${res.status}`;
      } catch (e) {
        error = `gateway unreachable: ${e instanceof Error ? e.name : 'error'}`;
      }
      const status = error ? 'failed' : 'sent';
      if (error) console.error(`[messaging] ${m.purpose} to …${m.recipient.slice(-4)}: ${error}`);
      const outboxId = await insertOutboxMessage(db, { ...row(m, at), body: m.secret ? REDACTED_BODY : m.body, status, error, sentAt: error ? null : at });
      return { status, outboxId };
    },
  };
}

/** The sender the configuration names: the HTTP gateway when SMS_GATEWAY_URL is set, else the outbox. */
export function messageSender(e: { SMS_GATEWAY_URL?: string; SMS_GATEWAY_TOKEN?: string } = env()): MessageSender {
  if (e.SMS_GATEWAY_URL && e.SMS_GATEWAY_TOKEN) return httpGatewaySender(e.SMS_GATEWAY_URL, e.SMS_GATEWAY_TOKEN);
  return outboxSender;
}
