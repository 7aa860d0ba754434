import { Badge } from 'antd';
import { useSession } from '../session/session.tsx';
import { useWorkspace } from '../workspace/workspace.tsx';
import { useInbox } from './queries.ts';

/** Counts what needs someone now: approvals, returned values and drafts (not every value still to fill in). */
export function InboxBadge() {
  const { user } = useSession();
  const ws = useWorkspace();
  const inbox = useInbox(!!user);
  const n = (inbox.data?.items ?? []).filter((i) => i.planId === ws.plan?.id && i.type !== 'fill').length;
  return n > 0 ? <Badge count={n} size="small" /> : null;
}
