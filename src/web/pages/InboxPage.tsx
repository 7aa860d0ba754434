import { Card } from 'antd';
import { useI18n } from '../lib/i18n.tsx';
import { InboxTable } from '../modules/inbox/InboxTable.tsx';
import { OverdueMilestones } from '../modules/inbox/OverdueMilestones.tsx';
import { useInbox } from '../modules/inbox/queries.ts';
import { useSession } from '../modules/session/session.tsx';
import { SignInFirst } from '../modules/session/SignInFirst.tsx';
import { ActionableOrders } from '../modules/supervision/ActionableOrders.tsx';
import { WarningsPanel } from '../modules/supervision/WarningsPanel.tsx';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';

export default function InboxPage() {
  const { t } = useI18n();
  const { user, loading } = useSession();
  const ws = useWorkspace();
  const q = useInbox(!!user);

  if (loading) return <Loading />;
  if (!user) return <SignInFirst next="/inbox" />;
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data) return <Loading />;
  const planId = ws.plan?.id ?? null;
  return (
    <div>
      <div className="page-title">
        <h1>{t('inbox.title')}</h1>
      </div>
      <Card size="small">
        <InboxTable items={q.data.items.filter((i) => i.planId === planId)} planId={planId} />
      </Card>
      <ActionableOrders planId={planId} />
      {planId && (
        <div style={{ marginTop: 16 }}>
          <WarningsPanel planId={planId} />
        </div>
      )}
      <OverdueMilestones planId={planId} />
    </div>
  );
}
