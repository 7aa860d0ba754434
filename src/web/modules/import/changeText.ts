import { isMessageKey, type MessageKey, type Translate } from '../../lib/i18n.tsx';
import type { IndicatorField, VersionChange } from '../../lib/types.ts';

const FIELD: Record<IndicatorField, MessageKey> = {
  code: 'change.field.code',
  name: 'change.field.name',
  unit: 'change.field.unit',
  attribute: 'change.field.attribute',
  baseline: 'change.field.baseline',
  target: 'change.field.target',
  kind: 'change.field.kind',
};

/** A coded value in words (目标类型 ceiling → 上限, 属性 binding → 约束性); other values as they are. */
function valueText(t: Translate, field: IndicatorField, v: string | null): string {
  if (v === null || v === '') return '—';
  const key = field === 'kind' ? `kind.${v}` : field === 'attribute' ? `attribute.${v}` : '';
  return key && isMessageKey(key) ? t(key) : v;
}

const nodeKind = (t: Translate, kind: string) => {
  const key = `nodeKind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
};

/** One change between plan versions as a planning officer reads it, in the UI's language. */
export function changeText(t: Translate, c: VersionChange): string {
  switch (c.subject) {
    case 'node':
      if (c.op === 'changed')
        return t('change.nodeChanged', { kind: nodeKind(t, c.kind), before: c.before, after: c.after });
      return t(c.op === 'added' ? 'change.nodeAdded' : 'change.nodeRemoved', {
        kind: nodeKind(t, c.kind),
        label: c.label,
      });
    case 'indicator': {
      const item = `${c.code} ${c.name}`;
      if (c.op !== 'changed')
        return t(c.op === 'added' ? 'change.indicatorAdded' : 'change.indicatorRemoved', { item });
      const fields = c.fields
        .map((f) =>
          t('change.fieldChanged', {
            field: t(FIELD[f.field]),
            before: valueText(t, f.field, f.before),
            after: valueText(t, f.field, f.after),
          }),
        )
        .join(t('change.separator'));
      return t('change.indicatorChanged', { item, fields });
    }
  }
}
