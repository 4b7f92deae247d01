// The three lists module's UI strings (needs, resources, projects). zh-CN is the source; en-US must
// have the same keys. Both are spread into the app dictionaries (src/web/lib/i18n).

export const listsZhCN = {
  'nav.lists': '三单服务',
} as const satisfies Record<string, string>;

export const listsEnUS: Record<keyof typeof listsZhCN, string> = {
  'nav.lists': 'Three lists',
};
