import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

describe('lantu command line', () => {
  it('--help lists the commands', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['serve', 'db', 'import', 'evaluate']) expect(r.stdout).toContain(cmd);
  });

  it('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('an unknown command exits 2 with one line', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });

  it('an unknown option exits 2 with one line', async () => {
    const r = await runCli(['serve', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("error: unknown option '--bogus'");
  });

  it('a DATABASE_URL that does not answer stops start-up with one clear line', async () => {
    const r = await runCli(['serve'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('Cannot connect to PostgreSQL at 127.0.0.1:1/none');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a DATABASE_URL of the wrong kind is refused', async () => {
    const r = await runCli(['serve'], { DATABASE_URL: 'mysql://root@localhost/x' });
    expect(r.code).toBe(78);
    expect(r.stderr.trim()).toBe(
      'lantu: DATABASE_URL 须以 postgres:// 开头（实际为 mysql://） / DATABASE_URL must start with postgres:// (got mysql://)',
    );
  });

  it('an unwritable LANTU_DATA_DIR stops start-up with one clear line', async () => {
    const r = await runCli(['serve'], { LANTU_DATA_DIR: '/proc/lantu-cannot-exist' });
    expect(r.code).toBe(78);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('LANTU_DATA_DIR /proc/lantu-cannot-exist is not writable');
  });

  it('a bad PORT is refused', async () => {
    const r = await runCli(['serve'], { PORT: 'eighty' });
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('Invalid PORT');
    // one line, Chinese then English
    expect(r.stderr.trim()).toMatch(/^lantu: 环境变量 PORT 无效：[^\n]+ \/ Invalid PORT: [^\n]+$/);
  });
});
