/**
 * The mainland resident ID number (公民身份号码, GB 11643-1999): 6-digit area code, 8-digit birth
 * date, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdNumberProblem = 'format' | 'birth_date' | 'checksum';

export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/** Returns null when the number is valid, or what is wrong with it. */
export function checkIdNumber(value: string, today = new Date()): IdNumberProblem | null {
  const id = normalizeIdNumber(value);
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const birth = idBirthDate(id);
  if (!birth) return 'birth_date';
  const d = new Date(`${birth}T00:00:00Z`);
  if (d.getTime() > today.getTime() || d.getUTCFullYear() < 1900) return 'birth_date';
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

/** 'YYYY-MM-DD' from an 18-digit number, or null when the date does not exist. */
export function idBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export function idGender(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** Builds a valid number from its parts (for demo data and tests). */
export function makeIdNumber(area: string, birthDate: string, sequence: number): string {
  const first17 = `${area}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}
