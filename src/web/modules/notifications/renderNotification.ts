import type { AppNotification } from '../../../contracts/notifications';

export interface NotificationText {
  title: string;
  /** '' when the kind has no body text. */
  body: string;
}

type Lookup = (key: string, vars?: Record<string, string | number>) => string | undefined;

/**
 * A notification in the reader's language: `notification.<kind>.title` and `.body` from the
 * dictionaries (each module words its own kinds in its i18n), the parameters filled in. A kind the
 * dictionaries do not know (a newer server) gets the generic text, never a raw key.
 */
export function renderNotification(n: Pick<AppNotification, 'kind' | 'params'>, message: Lookup): NotificationText {
  const title = message(`notification.${n.kind}.title`, n.params);
  if (title === undefined) return { title: message('notifications.generic.title') ?? '', body: message('notifications.generic.body') ?? '' };
  return { title, body: message(`notification.${n.kind}.body`, n.params) ?? '' };
}
