/** Which greeting fits the local time of day. */
export function greetingKey(hour = new Date().getHours()) {
  if (hour < 12) return 'home.greeting.morning' as const;
  if (hour < 18) return 'home.greeting.afternoon' as const;
  return 'home.greeting.evening' as const;
}
