/**
 * Notification channels: where a due-soon / overdue reminder goes. One interface, two adapters:
 * - the default writes one structured log line;
 * - the SMS gateway adapter POSTs the message as JSON to a configured URL, signed with HMAC-SM3 over
 *   `<timestamp>.<body>` with a configured secret (the gateway maps the user id to a phone number: no phone number,
 *   name or other personal data ever leaves this process in a reminder).
 */
import { AppError } from '../../../common/errors';
import { hmacSm3 } from '../crypto';

/** One deadline in a reminder: the case number, the deadline kind (rule id), the due date — nothing else. */
export interface ReminderItem {
  caseNo: string;
  /** rule id of the statutory period, e.g. 'reconsideration.decision' */
  kind: string;
  dueDate: string;
  /** hour rules: the due instant (ISO-8601 UTC); the SMS text shows it in Beijing time */
  dueAt?: string;
  overdue: boolean;
}

/** A reminder to one assignee (handler user id) on one Beijing date. */
export interface ReminderMessage {
  type: 'deadlineReminder';
  assigneeId: string;
  /** the Beijing date of the scan */
  date: string;
  items: ReminderItem[];
  /** zh-CN SMS text built from the items only */
  text: string;
}

export interface NotificationChannel {
  /** 'log' | 'sms' — recorded with each send */
  readonly name: string;
  /** @throws AppError NOTIFY_SEND_FAILED when the message was not accepted */
  send(message: ReminderMessage): Promise<void>;
}

/** The logger shape the log channel needs (Fastify's pino logger has it). */
export interface LineLogger {
  info(obj: Record<string, unknown>, msg: string): void;
}

/** Default channel: one structured log line per message (user id, case numbers, kinds, due dates only). */
export function createLogChannel(logger: LineLogger): NotificationChannel {
  return {
    name: 'log',
    async send(m) {
      logger.info({ event: 'deadlineReminder', assigneeId: m.assigneeId, date: m.date, items: m.items.map((i) => ({ caseNo: i.caseNo, kind: i.kind, dueDate: i.dueDate, ...(i.dueAt ? { dueAt: i.dueAt } : {}), overdue: i.overdue })) }, 'deadline reminder');
    },
  };
}

export const SIGNATURE_HEADER = 'x-fazhi-signature';
export const TIMESTAMP_HEADER = 'x-fazhi-timestamp';

/** The signature the gateway checks: hex HMAC-SM3 of `<timestamp>.<raw body>` under the shared secret. */
export function signBody(secret: string, timestamp: string, body: string): string {
  return hmacSm3(Buffer.from(secret, 'utf8'), `${timestamp}.${body}`);
}

/** SMS gateway adapter: real HTTP via fetch; a non-2xx answer, a network error or a timeout is NOTIFY_SEND_FAILED. */
export function createSmsGatewayChannel(opts: { url: string; secret: string; now: () => number; timeoutMs?: number }): NotificationChannel {
  return {
    name: 'sms',
    async send(m) {
      const body = JSON.stringify(m);
      const timestamp = String(Math.floor(opts.now() / 1000));
      let res: Response;
      try {
        res = await fetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: `hmac-sm3=${signBody(opts.secret, timestamp, body)}` },
          body,
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
      } catch (e) {
        throw new AppError('NOTIFY_SEND_FAILED', { channel: 'sms', reason: e instanceof Error ? e.name : 'error' });
      }
      // drain the body so the connection can be reused
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new AppError('NOTIFY_SEND_FAILED', { channel: 'sms', status: res.status });
    },
  };
}
