import { Tag } from 'antd';
import { createContext, useContext } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { verdictLabel } from '../lib/rules.ts';
import type { Verdict } from '../lib/types.ts';

export const VERDICT_COLOR: Record<Verdict, string> = {
  achieved: '#0e8a4f',
  ahead: '#2ba471',
  on_track: '#1664ff',
  acceleration_needed: '#e37318',
  limited_progress: '#d9a50a',
  lagging: '#d54941',
  deterioration: '#a8071a',
  not_achieved: '#c9353f',
  no_data: '#8b949e',
  not_assessable: '#b0b7c0',
};

/**
 * Whether the year looked at is the plan's last: then "achieved" reads 已完成 (the final evaluation's word),
 * before it 提前实现 (achieved early) — the same words as the engine's summary sentence.
 */
const FinalYear = createContext(false);
export const FinalYearProvider = FinalYear.Provider;

/** The engine's words for a verdict (as in the reports and the portal); English capitalised for a label. */
export function useVerdictLabel(): (v: Verdict, awaitingFinal?: boolean) => string {
  const { lang } = useI18n();
  const final = useContext(FinalYear);
  return (v, awaitingFinal = false) => {
    const l = verdictLabel(v, final && !awaitingFinal);
    return lang === 'en' ? l.en.charAt(0).toUpperCase() + l.en.slice(1) : l.zh;
  };
}

/** `unreportedYear`: the final year's figure is not in yet, so the verdict is progress (提前实现, not 已完成). */
export function VerdictTag({
  verdict,
  size = 'default',
  unreportedYear = null,
}: {
  verdict: Verdict;
  size?: 'default' | 'large';
  unreportedYear?: number | null;
}) {
  const label = useVerdictLabel();
  return (
    <Tag
      color={VERDICT_COLOR[verdict]}
      data-verdict={verdict}
      style={size === 'large' ? { fontSize: 16, padding: '4px 10px' } : undefined}
    >
      {label(verdict, unreportedYear !== null)}
    </Tag>
  );
}
