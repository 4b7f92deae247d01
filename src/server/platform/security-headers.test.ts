import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import helmet from '@fastify/helmet';
import { registerSecurityHeaders, securityHeaders } from './security-headers';

const OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  crossOriginEmbedderPolicy: false,
};

const SECURITY = /^(content-security-policy|cross-origin-|origin-agent-cluster|referrer-policy|strict-transport-security|x-)/;

describe('securityHeaders', () => {
  it('sets the same headers as @fastify/helmet with the same options', async () => {
    const theirs = Fastify();
    await theirs.register(helmet, OPTIONS);
    theirs.get('/', async () => 'ok');
    const ours = Fastify();
    registerSecurityHeaders(ours, OPTIONS);
    ours.get('/', async () => 'ok');
    const pick = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).filter(([k]) => SECURITY.test(k)));
    const a = pick((await theirs.inject({ method: 'GET', url: '/' })).headers);
    const b = pick((await ours.inject({ method: 'GET', url: '/' })).headers);
    expect(Object.keys(a).length).toBeGreaterThan(8);
    expect(b).toEqual(a);
    expect(securityHeaders(OPTIONS)['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
