import { enUS } from '../lib/i18n/en-US';
import type { Locale, Messages } from '../lib/i18n/messages';
import { zhCN } from '../lib/i18n/zh-CN';
import { WEB_MODULES } from '../modules';

/** The UI dictionaries: the app's own strings and every module's (src/web/modules/index.ts). */
export const DICTIONARIES = {
  'zh-CN': Object.assign({}, ...WEB_MODULES.map((m) => m.messages?.['zh-CN'] ?? {}), zhCN) as Messages,
  'en-US': Object.assign({}, ...WEB_MODULES.map((m) => m.messages?.['en-US'] ?? {}), enUS) as Messages,
} satisfies Record<Locale, Messages>;
