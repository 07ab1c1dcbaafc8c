import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const unit = path.join(ROOT, 'deploy', 'midad.service');
const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const hasAnalyze = analyze.status === 0;
const hasHaproxy = spawnSync('haproxy', ['-v']).status === 0;

describe('deploy/', () => {
  // CASE: systemd-analyze comes with systemd (apt-get install systemd); without it there is
  // nothing to score the unit with, so the check is skipped rather than faked.
  it.skipIf(!hasAnalyze)('the systemd unit scores an exposure of 3.0 or less', () => {
    const out = spawnSync('systemd-analyze', ['security', '--offline=true', unit], { encoding: 'utf8' });
    const score = /Overall exposure level for midad\.service: ([\d.]+)/.exec(out.stdout + out.stderr)?.[1];
    expect(score, out.stdout + out.stderr).toBeDefined();
    expect(Number(score)).toBeLessThanOrEqual(3.0);
  });

  it('the Dockerfile runs as a non-root user with a health check and a data volume', () => {
    const docker = fs.readFileSync(path.join(ROOT, 'deploy', 'Dockerfile'), 'utf8');
    expect(docker).toMatch(/^FROM node:20-bookworm-slim/m);
    expect(docker).toMatch(/^RUN npm ci$/m);
    expect(docker).toMatch(/^USER midad$/m);
    expect(docker).toMatch(/^HEALTHCHECK .*\n.*\/api\/health/m);
    expect(docker).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(docker).toMatch(/^CMD \["node", .*"scripts\/start\.ts"\]$/m);
  });

  it.skipIf(!hasHaproxy)('the haproxy configuration is valid, with and without loopback addresses', () => {
    const cfg = path.join(ROOT, 'deploy', 'haproxy.cfg');
    for (const env of [{}, { MIDAD_BIND: '127.0.0.1:18080', MIDAD_A: '127.0.0.1:18081' }]) {
      const out = spawnSync('haproxy', ['-c', '-f', cfg], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      expect(out.status, out.stdout + out.stderr).toBe(0);
      expect(out.stdout + out.stderr).not.toMatch(/\[WARNING\]/);
    }
    const text = fs.readFileSync(cfg, 'utf8');
    expect(text).toMatch(/http-check send meth GET uri \/api\/ready/);
    expect(text).toMatch(/disable-l7-retry if !METH_GET !METH_HEAD/);
  });
});
