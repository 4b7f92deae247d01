// The volunteering module's UI strings. zh-CN is the source; en-US must have the same keys.
// Both are spread into the app dictionaries (src/web/lib/i18n).

export const volunteeringZhCN = {
  'nav.volunteering': '志愿服务',
} as const satisfies Record<string, string>;

export const volunteeringEnUS: Record<keyof typeof volunteeringZhCN, string> = {
  'nav.volunteering': 'Volunteering',
};
