import { useQueries } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../lib/api.ts';
import { fmt } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link, navigate } from '../lib/router.tsx';
import type { Indicator, Observation } from '../lib/types.ts';
import { useObservationActions } from '../modules/entry/mutations.ts';
import { SheetRoundTrip } from '../modules/entry/SheetRoundTrip.tsx';
import { useEvaluation, useIndicators } from '../modules/evaluation/queries.ts';
import { ObservationStatusTag } from '../modules/indicator/observations.tsx';
import { useSession } from '../modules/session/session.tsx';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';

const TEXT_KINDS = new Set(['assigned', 'relational']);

interface Draft {
  value: number | null;
  text: string;
  note: string;
}

/** Share of change against the last known value above which we warn (a typo in the unit or a decimal point). */
const JUMP_WARNING = 0.5;

function latestFor(list: Observation[] | undefined, period: string): Observation | undefined {
  return (list ?? []).filter((o) => o.period === period).sort((a, b) => b.version - a.version)[0];
}

export default function EntryPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { user, loading } = useSession();
  const ws = useWorkspace();
  const planId = ws.plan?.id ?? null;
  const indQ = useIndicators(planId);
  const evalQ = useEvaluation(planId, ws.year, 'time', 'all');
  const [period, setPeriod] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const { save, submit } = useObservationActions();
  const activePeriod = period ?? String(ws.year ?? '');

  const mine = useMemo(() => {
    const codes = new Set((user?.departments ?? []).map((d) => d.code));
    return (indQ.data?.items ?? []).filter((i) => i.departments.some((d) => codes.has(d.code)));
  }, [indQ.data, user]);

  const obsQs = useQueries({
    queries: mine.map((i) => ({
      queryKey: ['bo', 'observations', i.id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<{ items: Observation[] }>(`/api/indicators/${i.id}/observations`, { signal }).then(
          (r) => r.items,
        ),
    })),
  });
  const obsById = new Map(mine.map((i, k) => [i.id, obsQs[k]?.data]));
  const evByCode = new Map((evalQ.data?.indicators ?? []).map((e) => [e.code, e]));

  if (loading) return <Loading />;
  if (!user) {
    return (
      <Card>
        <EmptyState>
          {t('entry.loginFirst')}{' '}
          <Button onClick={() => navigate('/login?next=/entry')}>{t('auth.login')}</Button>
        </EmptyState>
      </Card>
    );
  }
  if (user.role !== 'department') {
    return (
      <Card>
        <EmptyState>
          {t('entry.departmentsOnly')} <Link to="/inbox">{t('nav.inbox')}</Link>
        </EmptyState>
      </Card>
    );
  }
  if (indQ.error) return <ErrorState error={indQ.error} />;
  if (!indQ.data) return <Loading />;

  const draftOf = (id: string): Draft => drafts[id] ?? { value: null, text: '', note: '' };
  const setDraft = (id: string, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [id]: { ...draftOf(id), ...patch } }));

  const lastKnown = (ind: Indicator): number | null => {
    const ev = evByCode.get(ind.code);
    const approved = (obsById.get(ind.id) ?? []).filter(
      (o) => o.status === 'approved' && o.value !== null && o.period !== activePeriod,
    );
    const lastApproved = approved.sort((a, b) => b.year - a.year)[0];
    return lastApproved?.value ?? ev?.actual ?? ind.baseline?.value ?? null;
  };
  const warningFor = (ind: Indicator, v: number | null): string | null => {
    if (v === null) return null;
    const last = lastKnown(ind);
    if (last === null || last === 0) return null;
    const jump = Math.abs(v - last) / Math.abs(last);
    return jump > JUMP_WARNING
      ? t('entry.jumpWarning', { last: fmt(last), pct: Math.round(jump * 100) })
      : null;
  };

  const send = async (ind: Indicator, andSubmit: boolean) => {
    const d = draftOf(ind.id);
    const textual = TEXT_KINDS.has(ind.kind);
    if (d.value === null && !d.text.trim()) {
      void message.error(t('entry.valueRequired'));
      return;
    }
    setBusy(ind.id);
    try {
      const existing = latestFor(obsById.get(ind.id), activePeriod);
      const note = d.note.trim() || null;
      const { observation, warnings } = await save.mutateAsync({
        existing,
        input: {
          indicatorId: ind.id,
          period: activePeriod,
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
      setDrafts((all) => {
        const { [ind.id]: _drop, ...rest } = all;
        return rest;
      });
      if (textual) setDraft(ind.id, { text: '' });
    } catch (err) {
      void message.error(err instanceof Error ? err.message : t('error.unknown'));
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
      void message.error(err instanceof Error ? err.message : t('error.unknown'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div>
      <div className="page-title">
        <div>
          <h1>{t('entry.title')}</h1>
          <Typography.Text type="secondary">{user.departments.map((d) => d.name).join('、')}</Typography.Text>
        </div>
        <Space>
          <span>{t('entry.period')}</span>
          <Select
            aria-label={t('entry.period')}
            value={activePeriod}
            onChange={setPeriod}
            style={{ width: 110 }}
            options={ws.years.map((y) => ({ value: String(y), label: String(y) }))}
          />
        </Space>
      </div>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('entry.help')} />
      {ws.plan && <SheetRoundTrip planId={ws.plan.id} departments={user.departments} />}
      <Card size="small">
        {mine.length === 0 ? (
          <EmptyState>{t('entry.none')}</EmptyState>
        ) : (
          <Table<Indicator>
            className="entry-grid"
            data-testid="entry-grid"
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 960 }}
            dataSource={mine}
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
                  const o = latestFor(obsById.get(i.id), activePeriod);
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
                  return TEXT_KINDS.has(i.kind) ? (
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
                  const o = latestFor(obsById.get(i.id), activePeriod);
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
                        o &&
                        o.status === 'draft' && (
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
        )}
      </Card>
    </div>
  );
}
