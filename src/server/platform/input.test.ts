import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { boundedDateFormats, findIllFormedText } from './input';

describe('boundedDateFormats', () => {
  const ajv = new Ajv();
  addFormats(ajv);
  boundedDateFormats(ajv as never);
  const date = ajv.compile({ type: 'string', format: 'date' });
  const dateTime = ajv.compile({ type: 'string', format: 'date-time' });

  it('refuses year 0 and far-future years and keeps the usual checks', () => {
    expect(date('2026-03-08')).toBe(true);
    expect(date('1900-01-01')).toBe(true);
    expect(date('0000-01-01')).toBe(false);
    expect(date('1899-12-31')).toBe(false);
    expect(date('9999-12-31')).toBe(false);
    expect(date('2026-02-30')).toBe(false);
    expect(dateTime('2026-03-08T08:00:00+08:00')).toBe(true);
    expect(dateTime('0000-01-01T00:00:00Z')).toBe(false);
    expect(dateTime('2200-01-01T00:00:00Z')).toBe(false);
    expect(dateTime('2026-03-08T25:00:00Z')).toBe(false);
  });
});

describe('findIllFormedText', () => {
  it('finds an unpaired surrogate anywhere and names where', () => {
    expect(findIllFormedText({ a: 'ok', b: ['x', 'ab\ud800cd'] }, 'body')).toBe('body/b/1');
    expect(findIllFormedText({ ['k\udc00']: 1 }, 'body')).toBe('body/k\ufffd');
    expect(findIllFormedText('\ud83d', 'body')).toBe('body');
    expect(findIllFormedText({ a: '𠮷野家 😀', n: 1, z: null }, 'body')).toBeNull();
  });

  it('walks a body nested 10,000 deep', () => {
    let deep: unknown = 'x\ud800';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(findIllFormedText(deep, 'body')).toMatch(/^body(\/a)+$/);
  });
});
