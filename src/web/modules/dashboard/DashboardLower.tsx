import { Card, Col, Row } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { ErrorState } from '../../ui/states.tsx';
import { LayoutMap } from '../map/LayoutMap.tsx';
import { ProjectsPanel } from '../projects/ProjectsPanel.tsx';
import { useProjects } from '../projects/queries.ts';
import { TaskProgress } from '../tasks/TaskProgress.tsx';

export default function DashboardLower({ planId, year }: { planId: string; year: number | null }) {
  const { t } = useI18n();
  const projectsQ = useProjects(planId);
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dashboard.map')} extra={<Link to="/map">{t('common.more')}</Link>}>
          <LayoutMap height={340} projects={projectsQ.data} />
          <div className="schematic-note">{t('map.schematic')}</div>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dashboard.tasks')} style={{ marginBottom: 16 }}>
          <TaskProgress planId={planId} year={year} />
        </Card>
        <Card size="small" title={t('dashboard.projects')}>
          {projectsQ.error ? (
            <ErrorState error={projectsQ.error} />
          ) : (
            <ProjectsPanel projects={projectsQ.data ?? []} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
