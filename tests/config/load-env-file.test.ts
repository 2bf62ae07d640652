import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnvFile } from '../../src/config/load-env-file.js';

describe('loadEnvFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nashra-env-'));
  afterEach(() => {
    delete process.env.NASHRA_TEST_FROM_FILE;
    delete process.env.NASHRA_TEST_BOTH;
  });

  it('is a no-op without a file', () => {
    expect(loadEnvFile(join(dir, 'missing.env'))).toBe(false);
  });

  it('loads a file, and the environment wins over it', () => {
    const file = join(dir, '.env');
    writeFileSync(file, 'NASHRA_TEST_FROM_FILE=file\nNASHRA_TEST_BOTH=file\n');
    process.env.NASHRA_TEST_BOTH = 'environment';
    expect(loadEnvFile(file)).toBe(true);
    expect(process.env.NASHRA_TEST_FROM_FILE).toBe('file');
    expect(process.env.NASHRA_TEST_BOTH).toBe('environment');
    rmSync(dir, { recursive: true, force: true });
  });
});
