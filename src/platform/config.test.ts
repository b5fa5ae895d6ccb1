import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from './config.ts';

describe('configuration', () => {
  it('has working defaults for a newcomer', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.reservationTtlMinutes).toBe(15);
    expect(c.corsOrigins).toEqual([]);
  });

  it('stops on an invalid value and names the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^PORT: must be a whole number/);
    expect(() => loadConfig({ RESERVATION_TTL_MINUTES: '0' })).toThrow(
      /^RESERVATION_TTL_MINUTES: must be between 1 and/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/^DATABASE_URL: must be a postgres/);
    expect(() => loadConfig({ DEMO_DATA: 'maybe' })).toThrow(ConfigError);
    try {
      loadConfig({ LOG_LEVEL: 'loud' });
    } catch (e) {
      expect((e as ConfigError).variable).toBe('LOG_LEVEL');
    }
  });

  it('reads lists and switches', () => {
    const c = loadConfig({
      CORS_ORIGINS: 'https://a.example, https://b.example',
      DEMO_DATA: 'no',
      DATABASE_URL: 'postgresql://u@h/db',
    });
    expect(c.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.demoData).toBe(false);
    expect(c.databaseUrl).toBe('postgresql://u@h/db');
  });
});
