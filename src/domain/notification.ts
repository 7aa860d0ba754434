/** What lantu tells people, in their language, on screen and by mail (issue 16 §5). Pure: no I/O. */

export const NOTIFICATION_EVENTS = [
  'value_returned',
  'value_submitted',
  'comment_routed',
  'reply_due_soon',
  'reply_overdue',
  'report_due_soon',
  'report_overdue',
  'warning_raised',
  'supervision_opened',
  'supervision_step',
  'supervision_due_soon',
  'supervision_overdue',
  'supervision_returned',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const MAIL_MODES = ['instant', 'digest', 'off'] as const;
export type MailMode = (typeof MAIL_MODES)[number];

/** Where a queued mail stands. */
export const MAIL_JOB_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type MailJobStatus = (typeof MAIL_JOB_STATUSES)[number];

/** Free-form facts of one notification: the item's name, a period, a date, a reason. */
export interface NotificationParams {
  item?: string;
  period?: string;
  due?: string;
  reason?: string;
  department?: string;
  level?: 'yellow' | 'red';
  step?: string;
  [key: string]: string | number | null | undefined;
}

export type NotificationLocale = 'zh-CN' | 'en';

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** Title and one-line body of a notification in the reader's language. */
export function renderNotification(
  event: NotificationEvent,
  p: NotificationParams,
  locale: NotificationLocale,
): { title: string; body: string } {
  const zh = locale !== 'en';
  const item = s(p.item);
  const due = s(p.due);
  switch (event) {
    case 'value_returned':
      return zh
        ? {
            title: `数据被退回：${item} ${s(p.period)}`,
            body: `退回原因：${s(p.reason)}。请修改后重新报送。`,
          }
        : {
            title: `Value returned: ${item} ${s(p.period)}`,
            body: `Reason: ${s(p.reason)}. Correct it and submit again.`,
          };
    case 'value_submitted':
      return zh
        ? { title: `待审核：${item} ${s(p.period)}`, body: `${s(p.department)}报送了数据，等待审核。` }
        : {
            title: `Waiting for approval: ${item} ${s(p.period)}`,
            body: `${s(p.department)} submitted a value.`,
          };
    case 'comment_routed':
      return zh
        ? { title: `收到公众意见：${item}`, body: `请于${due}前答复。` }
        : { title: `A public comment to answer: ${item}`, body: `Reply by ${due}.` };
    case 'reply_due_soon':
      return zh
        ? { title: `意见答复即将到期：${item}`, body: `答复期限${due}，还剩不到3个工作日。` }
        : { title: `Reply due soon: ${item}`, body: `Due ${due}, less than 3 working days left.` };
    case 'reply_overdue':
      return zh
        ? { title: `意见答复已逾期：${item}`, body: `答复期限${due}已过，请尽快答复。` }
        : { title: `Reply overdue: ${item}`, body: `It was due ${due}; reply as soon as possible.` };
    case 'report_due_soon':
      return zh
        ? { title: `数据报送即将到期：${item} ${s(p.period)}`, body: `报送期限${due}。` }
        : { title: `Reporting due soon: ${item} ${s(p.period)}`, body: `Due ${due}.` };
    case 'report_overdue':
      return zh
        ? { title: `数据报送已逾期：${item} ${s(p.period)}`, body: `报送期限${due}已过。` }
        : { title: `Reporting overdue: ${item} ${s(p.period)}`, body: `It was due ${due}.` };
    case 'warning_raised': {
      const red = p.level === 'red';
      return zh
        ? { title: `${red ? '红色' : '黄色'}预警：${item}`, body: s(p.reason) }
        : { title: `${red ? 'Red' : 'Yellow'} warning: ${item}`, body: s(p.reasonEn ?? p.reason) };
    }
    case 'supervision_opened':
      return zh
        ? { title: `督办单：${item}`, body: `请签收并于${due}前提交整改计划。` }
        : {
            title: `Supervision order: ${item}`,
            body: `Acknowledge it and submit a corrective plan by ${due}.`,
          };
    case 'supervision_step':
      return zh
        ? { title: `督办进展：${item}`, body: s(p.step) }
        : { title: `Supervision progress: ${item}`, body: s(p.step) };
    case 'supervision_due_soon':
      return zh
        ? { title: `督办即将到期：${item}`, body: `${s(p.step)}期限${due}。` }
        : { title: `Supervision step due soon: ${item}`, body: `${s(p.step)} due ${due}.` };
    case 'supervision_overdue':
      return zh
        ? { title: `督办已逾期：${item}`, body: `${s(p.step)}期限${due}已过。` }
        : { title: `Supervision step overdue: ${item}`, body: `${s(p.step)} was due ${due}.` };
    case 'supervision_returned':
      return zh
        ? { title: `督办被退回：${item}`, body: `退回原因：${s(p.reason)}` }
        : { title: `Supervision returned: ${item}`, body: `Reason: ${s(p.reason)}` };
  }
}

/** Seconds to wait before the next attempt at a mail: 30 s, 1 min, 2 min … capped at an hour. */
export function mailRetryDelayMs(attempts: number, baseMs = 30_000): number {
  const n = Math.max(1, attempts);
  return Math.min(baseMs * 2 ** (n - 1), 3_600_000);
}

/** After this many failed attempts a mail is given up (recorded as failed, visible to admins). */
export const MAIL_MAX_ATTEMPTS = 8;

/** One mail per notification: subject and text with the absolute link. */
export function composeSingleMail(
  n: { title: string; body: string; link: string | null },
  baseUrl: string,
  locale: NotificationLocale,
): { subject: string; text: string } {
  const link = n.link ? `${baseUrl.replace(/\/$/, '')}${n.link}` : null;
  const footer =
    locale === 'en'
      ? 'Sent by lantu. Change how you are notified under Notifications in the workspace.'
      : '此邮件由蓝图系统发送。可在工作台“通知”中设置提醒方式（逐条或每日汇总）。';
  return {
    subject: `[蓝图 lantu] ${n.title}`,
    text: [n.body, link ? `\n${link}` : '', `\n\n-- \n${footer}`].join(''),
  };
}

/** A daily digest: one subject, every unmailed notification as a line with its link. */
export function composeDigestMail(
  items: { title: string; body: string; link: string | null }[],
  baseUrl: string,
  locale: NotificationLocale,
  day: string,
): { subject: string; text: string } {
  const base = baseUrl.replace(/\/$/, '');
  const lines = items.map(
    (n, i) => `${i + 1}. ${n.title}\n   ${n.body}${n.link ? `\n   ${base}${n.link}` : ''}`,
  );
  return locale === 'en'
    ? { subject: `[lantu] Daily digest ${day}: ${items.length} notifications`, text: lines.join('\n\n') }
    : { subject: `[蓝图 lantu] 每日汇总 ${day}：${items.length}条提醒`, text: lines.join('\n\n') };
}
