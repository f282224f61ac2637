import { describe, expect, it } from 'vitest';
import { hashPassword, scryptCost, verifyPassword } from './password.ts';

describe('scryptCost', () => {
  it.each([
    ['test run asking for 2^10', { NODE_ENV: 'test', JKDA_SCRYPT_N: '1024' }, 1024],
    ['test run asking for 2^12', { NODE_ENV: 'test', JKDA_SCRYPT_N: '4096' }, 4096],
    ['test run, nothing asked', { NODE_ENV: 'test' }, 16384],
    ['production asking for less', { NODE_ENV: 'production', JKDA_SCRYPT_N: '1024' }, 16384],
    ['no NODE_ENV asking for less', { JKDA_SCRYPT_N: '1024' }, 16384],
    ['below the floor', { NODE_ENV: 'test', JKDA_SCRYPT_N: '512' }, 16384],
    ['not a power of two', { NODE_ENV: 'test', JKDA_SCRYPT_N: '1000' }, 16384],
    ['above the production cost', { NODE_ENV: 'test', JKDA_SCRYPT_N: '32768' }, 16384],
    ['not a number', { NODE_ENV: 'test', JKDA_SCRYPT_N: 'cheap' }, 16384],
  ])('%s', (_name, env, expected) => {
    expect(scryptCost(env as NodeJS.ProcessEnv)).toBe(expected);
  });
});

describe('hashPassword / verifyPassword', () => {
  it('verifies the password it hashed and refuses another', async () => {
    const h = await hashPassword('Jkda@2026');
    expect(h).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(await verifyPassword('Jkda@2026', h)).toBe(true);
    expect(await verifyPassword('Jkda@2025', h)).toBe(false);
  });

  it('verifies a hash made with the production cost whatever this process hashes with', async () => {
    const crypto = await import('node:crypto');
    const salt = crypto.randomBytes(16);
    const key = crypto.scryptSync('Jkda@2026', salt, 32, { N: 16384, r: 8, p: 1 });
    const stored = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('Jkda@2026', stored)).toBe(true);
    expect(await verifyPassword('wrong', stored)).toBe(false);
  });
});
