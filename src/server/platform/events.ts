/**
 * In-process domain events, so that one module can react to another's change without importing
 * it (the directory says a member moved; registration ends the member's registration there).
 * Handlers run after the change is committed, in order; a failing handler is logged and does not
 * undo the change.
 */
import type { AuditActor } from './audit';

export interface DomainEvents {
  'member.residence_changed': { memberId: string; fromCommunityId: string | null; toCommunityId: string | null; actor: AuditActor };
}

type Handler<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => Promise<void>;

export class EventBus {
  readonly #handlers = new Map<keyof DomainEvents, Array<Handler<never>>>();

  constructor(private readonly onError: (err: unknown, event: string) => void) {}

  on<K extends keyof DomainEvents>(event: K, handler: Handler<K>): void {
    this.#handlers.set(event, [...(this.#handlers.get(event) ?? []), handler as Handler<never>]);
  }

  async emit<K extends keyof DomainEvents>(event: K, payload: DomainEvents[K]): Promise<void> {
    for (const h of this.#handlers.get(event) ?? []) {
      try {
        await (h as Handler<K>)(payload);
      } catch (err) {
        this.onError(err, event);
      }
    }
  }
}
