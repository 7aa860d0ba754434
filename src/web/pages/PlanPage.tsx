import { Card, Col, Row, Typography } from 'antd';
import { useI18n } from '../lib/i18n.tsx';
import { NodeDetail } from '../modules/plan/NodeDetail.tsx';
import { nodeLabel } from '../modules/plan/PlanTreeCard.tsx';
import { PlanTreeCard } from '../modules/plan/PlanTreeCard.tsx';
import { usePlanIndex } from '../modules/plan/usePlanIndex.ts';
import { SubjectSupervision } from '../modules/supervision/SubjectSupervision.tsx';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';

export default function PlanPage({ nodeId }: { nodeId: string | null }) {
  const { t } = useI18n();
  const plan = usePlanIndex();
  const ws = useWorkspace();
  if (plan.error) return <ErrorState error={plan.error} />;
  if (!plan.nodes) return <Loading />;
  const selected = nodeId ? plan.idx.byId.get(nodeId) : undefined;
  return (
    <div>
      <div className="page-title">
        <h1>{t('plan.title')}</h1>
        <Typography.Text type="secondary">{plan.title}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <PlanTreeCard plan={plan} selectedId={selected?.id ?? null} />
        </Col>
        <Col xs={24} lg={15}>
          {selected ? (
            <>
              <NodeDetail plan={plan} node={selected} />
              {selected.kind === 'task' && (
                <div style={{ marginTop: 16 }}>
                  <SubjectSupervision
                    planId={ws.plan?.id ?? null}
                    subjectType="task"
                    subjectId={selected.id}
                    subjectTitle={nodeLabel(selected)}
                  />
                </div>
              )}
            </>
          ) : (
            <Card size="small">
              <EmptyState>{t('plan.pick')}</EmptyState>
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
