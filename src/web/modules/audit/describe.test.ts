import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FEEDBACK_REPLY_KINDS } from '../../../domain/feedback.ts';
import { WORKFLOW_ACTIONS } from '../../../domain/observation-workflow.ts';
import { LIBRARY_ACTIONS } from '../../../domain/project.ts';
import { SUPERVISION_ACTIONS } from '../../../domain/supervision.ts';
import type { Translate } from '../../lib/i18n.tsx';
import en from '../../locales/en.json';
import zh from '../../locales/zh-CN.json';
import { actionWords, actorWords, auditDetail, entityWords } from './describe.ts';

const translator =
  (dict: Record<string, string>): Translate =>
  (key, vars) =>
    (dict[key] ?? key).replace(/\{(\w+)\}/g, (m, k: string) => (vars && k in vars ? String(vars[k]) : m));
const tZh = translator(zh);
const tEn = translator(en);
const cjk = /[\u4e00-\u9fff]/;

const SERVER = fileURLToPath(new URL('../../../server/', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );

/** Every action and entity the server writes as a literal next to an audit append. */
function writtenCodes(): { actions: Set<string>; entities: Set<string> } {
  const actions = new Set<string>();
  const entities = new Set<string>();
  for (const f of files(SERVER)) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/auditRepository\.append\(/g)) {
      const chunk = src.slice(m.index, m.index + 600);
      for (const [field, set] of [
        ['action', actions],
        ['entity', entities],
      ] as const) {
        const line = new RegExp(`${field}:\\s*([^,\\n]+)`).exec(chunk)?.[1] ?? '';
        for (const q of line.matchAll(/'([a-z_]+)'/g)) set.add(q[1]!);
      }
    }
    for (const m of src.matchAll(/recordAudit\(\s*\w+,\s*\w+,\s*([^,]+),\s*([^,]+),/g)) {
      for (const q of (m[1] ?? '').matchAll(/'([a-z_]+)'/g)) actions.add(q[1]!);
      for (const q of (m[2] ?? '').matchAll(/'([a-z_]+)'/g)) entities.add(q[1]!);
    }
    for (const m of src.matchAll(/\baudit\(tx, [^,]+, (?:disabled \? )?'([a-z_]+)'(?: : '([a-z_]+)')?/g))
      for (const c of [m[1], m[2]]) if (c) actions.add(c);
  }
  // actions passed through a variable: a value's step, a 督办 step, a moderation decision, a reply kind, a
  // project entering or leaving the library
  const steps = WORKFLOW_ACTIONS.filter((a) => a !== 'edit');
  for (const a of [...steps, ...SUPERVISION_ACTIONS, 'reject', ...FEEDBACK_REPLY_KINDS, ...LIBRARY_ACTIONS])
    actions.add(a);
  return { actions, entities };
}

describe('audit entries in words', () => {
  it('names every action and record kind the server writes, in Chinese and in English', () => {
    const { actions, entities } = writtenCodes();
    expect(actions.size).toBeGreaterThan(25);
    expect(entities.size).toBeGreaterThan(20);
    for (const a of actions) {
      expect(actionWords(tZh, a), a).toMatch(cjk);
      expect(actionWords(tZh, a), a).not.toContain(a);
      expect(actionWords(tEn, a), a).not.toMatch(cjk);
      expect(actionWords(tEn, a), a).not.toContain('Other');
    }
    for (const e of entities) {
      expect(entityWords(tZh, e), e).toMatch(cjk);
      expect(entityWords(tEn, e), e).not.toContain('Other');
    }
  });

  it('says an action it does not know as such, naming the code', () => {
    expect(actionWords(tZh, 'teleport')).toBe('其他操作（teleport）');
    expect(entityWords(tEn, 'spaceship')).toBe('Other record (spaceship)');
  });

  it('keeps a user as their email and puts the system’s own actors in words', () => {
    expect(actorWords(tZh, 'kjj@sip.example')).toBe('kjj@sip.example');
    expect(actorWords(tZh, 'system:seed')).toBe('系统（载入默认数据）');
    expect(actorWords(tEn, 'cli:import')).toBe('Command line (plan import)');
    expect(actorWords(tEn, 'system:mailer')).toBe('System (mailer)');
  });

  it('describes a value’s correction and a status change from what the entry recorded', () => {
    const correction = {
      entity: 'observation',
      before: { id: 'x', version: 1 },
      after: { indicator: 'T2-13', period: '2023', kind: 'actual', value: 6.1, text: null, version: 2 },
    };
    expect(auditDetail(tZh, correction)).toBe('T2-13 2023年 · 数值 6.1 · 第2版');
    expect(auditDetail(tEn, correction)).toBe('T2-13 for 2023 · value 6.1 · version 2');
    const returned = {
      entity: 'observation',
      before: { status: 'submitted' },
      after: { status: 'returned', reason: '口径不一致' },
    };
    expect(auditDetail(tZh, returned)).toBe('待审核 → 已退回 · 原因：口径不一致');
    const edit = { entity: 'observation', before: { value: 5.9 }, after: { value: 6.1, status: 'draft' } };
    expect(auditDetail(tEn, edit)).toBe('value 5.9 → 6.1 · Draft');
  });

  it('shows another record by its title or email, and nothing it cannot read', () => {
    expect(auditDetail(tZh, { entity: 'user', before: null, after: { email: 'a@b.c', role: 'admin' } })).toBe(
      'a@b.c',
    );
    expect(auditDetail(tZh, { entity: 'session', before: null, after: null })).toBe('—');
  });
});
