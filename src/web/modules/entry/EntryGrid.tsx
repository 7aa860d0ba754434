import { App, Button, Input, InputNumber, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { fmt } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { isLargeJump, isTextKind } from '../../lib/rules.ts';
import type { Indicator, IndicatorEvaluation, Observation } from '../../lib/types.ts';
import { useObservationActions } from '../observations/mutations.ts';
import { ObservationStatusTag } from '../observations/ObservationStatusTag.tsx';
import { latestFor } from '../observations/queries.ts';

interface Draft {
  value: number | null;
  text: string;
  note: string;
}

const EMPTY: Draft = { value: null, text: '', note: '' };

/**
 * The department's indicators × one period: the last known value, the current status, an input with an
 * inline warning on a typo-sized jump, a note, save and submit.
 */
export function EntryGrid({
  planId,
  period,
  indicators,
  observations,
  evaluations,
}: {
  planId: string;
  period: string;
  indicators: Indicator[];
  observations: Map<string, Observation[]>;
  evaluations: Map<string, IndicatorEvaluation>;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const { save, submit } = useObservationActions(planId);

  const draftOf = (id: string): Draft => drafts[id] ?? EMPTY;
  const setDraft = (id: string, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [id]: { ...(d[id] ?? EMPTY), ...patch } }));

  const lastKnown = (ind: Indicator): number | null => {
    const approved = (observations.get(ind.id) ?? []).filter(
      (o) => o.status === 'approved' && o.value !== null && o.period !== period,
    );
    const lastApproved = approved.sort((a, b) => b.year - a.year)[0];
    return lastApproved?.value ?? evaluations.get(ind.code)?.actual ?? ind.baseline?.value ?? null;
  };
  const warningFor = (ind: Indicator, v: number | null): string | null => {
    const last = lastKnown(ind);
    if (v === null || last === null || !isLargeJump(v, last)) return null;
    return t('entry.jumpWarning', {
      last: fmt(last),
      pct: Math.round((Math.abs(v - last) / Math.abs(last)) * 100),
    });
  };
  const fail = (err: unknown) => void message.error(err instanceof Error ? err.message : t('error.unknown'));

  const send = async (ind: Indicator, andSubmit: boolean) => {
    const d = draftOf(ind.id);
    if (d.value === null && !d.text.trim()) {
      void message.error(t('entry.valueRequired'));
      return;
    }
    setBusy(ind.id);
    try {
      const existing = latestFor(observations.get(ind.id), period);
      const note = d.note.trim() || null;
      const { observation, warnings } = await save.mutateAsync({
        existing,
        input: {
          indicatorId: ind.id,
          period,
          value: d.value,
          text: d.text.trim() || null,
          note,
          // Correcting an approved value makes a new version, and the note is its reason.
          ...(existing?.status === 'approved' ? { reason: note } : {}),
        },
      });
      for (const w of warnings) void message.warning(pick(w));
      if (andSubmit) await submit.mutateAsync(observation.id);
      void message.success(
        andSubmit ? t('entry.submitted', { code: ind.code }) : t('entry.saved', { code: ind.code }),
      );
      setDrafts(({ [ind.id]: _drop, ...rest }) => rest);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const submitExisting = async (o: Observation, code: string) => {
    setBusy(o.indicatorId);
    try {
      await submit.mutateAsync(o.id);
      void message.success(t('entry.submitted', { code }));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Table<Indicator>
      className="entry-grid"
      data-testid="entry-grid"
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 960 }}
      dataSource={indicators}
      columns={[
        { title: t('col.code'), dataIndex: 'code', width: 72, fixed: 'left' },
        {
          title: t('col.name'),
          width: 200,
          render: (_, i) => (
            <Space direction="vertical" size={0}>
              <Link to={`/indicators/${i.id}`}>{i.name}</Link>
              <span className="muted">
                {t('col.target')} {i.target?.raw ?? '—'} {i.unit ?? ''}
              </span>
            </Space>
          ),
        },
        { title: t('entry.last'), width: 80, render: (_, i) => fmt(lastKnown(i)) },
        {
          title: t('col.status'),
          width: 110,
          render: (_, i) => {
            const o = latestFor(observations.get(i.id), period);
            if (!o) return <span className="muted">{t('entry.empty')}</span>;
            return (
              <Space direction="vertical" size={2}>
                <Space size={4}>
                  <ObservationStatusTag status={o.status} />
                  <span>{o.value !== null ? fmt(o.value) : (o.text ?? '')}</span>
                </Space>
                {o.status === 'returned' && o.returnReason && (
                  <Typography.Text type="danger">{o.returnReason}</Typography.Text>
                )}
              </Space>
            );
          },
        },
        {
          title: t('col.value'),
          width: 190,
          render: (_, i) => {
            const d = draftOf(i.id);
            const warn = warningFor(i, d.value);
            return isTextKind(i.kind) ? (
              <Input
                aria-label={t('entry.valueFor', { code: i.code })}
                placeholder={t('entry.textPlaceholder')}
                value={d.text}
                onChange={(e) => setDraft(i.id, { text: e.target.value })}
              />
            ) : (
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <InputNumber<number>
                  aria-label={t('entry.valueFor', { code: i.code })}
                  data-testid={`value-${i.code}`}
                  style={{ width: '100%' }}
                  value={d.value}
                  status={warn ? 'warning' : undefined}
                  addonAfter={i.unit ?? undefined}
                  onChange={(v) =>
                    setDraft(i.id, { value: typeof v === 'number' && Number.isFinite(v) ? v : null })
                  }
                />
                {warn && (
                  <Typography.Text type="warning" style={{ fontSize: 12 }} role="status">
                    {warn}
                  </Typography.Text>
                )}
              </Space>
            );
          },
        },
        {
          title: t('col.note'),
          width: 140,
          render: (_, i) => (
            <Input
              aria-label={t('entry.noteFor', { code: i.code })}
              value={draftOf(i.id).note}
              onChange={(e) => setDraft(i.id, { note: e.target.value })}
            />
          ),
        },
        {
          title: t('col.actions'),
          width: 180,
          fixed: 'right',
          render: (_, i) => {
            const o = latestFor(observations.get(i.id), period);
            const d = draftOf(i.id);
            const hasInput = d.value !== null || d.text.trim() !== '';
            return (
              <Space wrap>
                <Tooltip title={t('entry.saveHint')}>
                  <Button
                    size="small"
                    disabled={!hasInput}
                    loading={busy === i.id}
                    onClick={() => void send(i, false)}
                  >
                    {t('entry.save')}
                  </Button>
                </Tooltip>
                {hasInput ? (
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`submit-${i.code}`}
                    loading={busy === i.id}
                    onClick={() => void send(i, true)}
                  >
                    {t('entry.saveSubmit')}
                  </Button>
                ) : (
                  o?.status === 'draft' && (
                    <Button
                      size="small"
                      type="primary"
                      loading={busy === i.id}
                      onClick={() => void submitExisting(o, i.code)}
                    >
                      {t('entry.submit')}
                    </Button>
                  )
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
