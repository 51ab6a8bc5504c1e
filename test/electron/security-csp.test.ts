import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  withContentSecurityPolicy,
} from '../../electron/security/content-security-policy';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((directive) => {
    const [name = '', ...values] = directive.trim().split(/\s+/);
    return [name, values];
  }),
);

describe('the Content-Security-Policy', () => {
  it('denies by default and allows scripts only from the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*|https?:/);
  });

  it('allows inline styles only (Vuetify theme), data: images (QR code), and nothing remote', () => {
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('blocks plugins, frames, forms, <base> and being framed', () => {
    for (const name of ['object-src', 'frame-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(directives.get(name), name).toEqual(["'none'"]);
    }
  });

  it('is added to response headers without dropping the others', () => {
    expect(withContentSecurityPolicy({ 'Content-Type': 'text/html' })).toEqual({
      'Content-Type': 'text/html',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
  });
});
