import { Card, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useI18n } from '../../lib/i18n.tsx';
import { navigate } from '../../lib/router.tsx';
import type { TreeNode } from '../../lib/types.ts';
import { VERDICT_COLOR } from '../../ui/verdict.tsx';
import { pathTo } from './tree.ts';
import type { PlanIndex } from './usePlanIndex.ts';

export function nodeLabel(n: TreeNode): string {
  return [n.number, n.title].filter(Boolean).join(' ');
}

/** The 篇/章/节/task tree, each node with the colour of its worst verdict; a click opens the node. */
export function PlanTreeCard({ plan, selectedId }: { plan: PlanIndex; selectedId: string | null }) {
  const { t } = useI18n();
  const toData = (n: TreeNode): DataNode => {
    const v = plan.nodeVerdict(n.id);
    return {
      key: n.id,
      title: (
        <span>
          <span aria-hidden className="tree-dot" style={{ background: v ? VERDICT_COLOR[v] : '#e5e6eb' }} />
          {nodeLabel(n)}
        </span>
      ),
      children: n.children.filter((c) => c.kind !== 'figure').map(toData),
    };
  };
  const path = selectedId ? pathTo(plan.idx, selectedId) : [];
  return (
    <Card size="small" title={t('plan.tree')} styles={{ body: { maxHeight: '75vh', overflow: 'auto' } }}>
      <Tree
        blockNode
        showLine
        treeData={(plan.nodes ?? []).map(toData)}
        selectedKeys={selectedId ? [selectedId] : []}
        defaultExpandedKeys={path.map((n) => n.id)}
        onSelect={(keys) => {
          const k = keys[0];
          if (typeof k === 'string') navigate(`/plan/${k}`);
        }}
      />
    </Card>
  );
}
