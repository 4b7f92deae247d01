/**
 * One-time login codes by SMS or WeChat are not built; this is the seam they plug into. A provider
 * delivers a short numeric code to a person; the code itself is made here (6 digits, from the
 * cryptographic generator) so that every provider sends codes of the same strength. In
 * development the log provider writes the code to the server log instead of sending it.
 */
import { randomInt } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { maskPhone } from '../../platform/crypto';

export type OneTimeCodePurpose = 'login' | 'activation';

export interface OneTimeCodeMessage {
  /** The mainland mobile number (SMS) or the WeChat open id, as the provider needs it. */
  to: string;
  code: string;
  purpose: OneTimeCodePurpose;
  /** Minutes the code stays valid, for the message text. */
  validMinutes: number;
}

export interface OneTimeCodeProvider {
  readonly channel: 'sms' | 'wechat' | 'log';
  send(message: OneTimeCodeMessage): Promise<void>;
}

export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Development only: the code goes to the log (the phone number masked), nothing is sent. */
export class LogCodeProvider implements OneTimeCodeProvider {
  readonly channel = 'log' as const;
  constructor(private readonly log: Pick<FastifyBaseLogger, 'info'>) {}

  send(message: OneTimeCodeMessage): Promise<void> {
    this.log.info({ to: /^\d{11}$/.test(message.to) ? maskPhone(message.to) : message.to, purpose: message.purpose, code: message.code, validMinutes: message.validMinutes }, 'one-time code (development: not sent)');
    return Promise.resolve();
  }
}
