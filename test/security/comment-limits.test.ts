import { beforeAll, describe, expect, it } from 'vitest';
import { isLantuError } from '../../src/domain/errors.ts';
import { installationSecret, issueChallenge } from '../../src/server/modules/feedback/anti-bot.ts';
import { RATE_LIMITS, submitFeedback } from '../../src/server/modules/feedback/feedback.service.ts';
import { getJson, appSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';

describe.each(testDatabases)('per-item comment limits on $kind (issue 12, break 6)', ({ create }) => {
  const s = appSuite(create, { seed: true });
  let items: string[];
  let secret: string;
  let forms = 0;

  /** Posts as `client`; the form was shown a minute (and a unique number of seconds) ago. */
  const post = async (client: string, targetId: string): Promise<number> => {
    const challenge = issueChallenge(secret, new Date(Date.now() - 60_000 - ++forms * 1000));
    try {
      await submitFeedback(
        s.db,
        { targetType: 'indicator', targetId, body: `意见 ${forms}`, challenge },
        client,
      );
      return 202;
    } catch (e) {
      if (isLantuError(e)) return e.httpStatus;
      throw e;
    }
  };

  beforeAll(async () => {
    items = (await getJson<{ items: { id: string }[] }>(s.app, '/api/public/indicators')).body.items.map(
      (i) => i.id,
    );
    secret = await installationSecret(s.db);
  });

  it('does not count refused posts: 40 posts by one client leave the item open to the next citizen', async () => {
    const statuses: number[] = [];
    for (let k = 0; k < 40; k++) statuses.push(await post('198.51.100.1', items[0]!));
    expect(statuses.filter((s) => s === 202)).toHaveLength(RATE_LIMITS.perClient.hits);
    expect(statuses.slice(RATE_LIMITS.perClient.hits).every((s) => s === 429)).toBe(true);
    expect(await post('198.51.100.2', items[0]!)).toBe(202);
  });

  it('counts each client once, so only many different clients can fill an item', async () => {
    const item = items[1]!;
    for (let k = 0; k < RATE_LIMITS.perItem.clients; k++)
      expect(await post(`203.0.113.${k}`, item)).toBe(202);
    // the item is full for newcomers …
    expect(await post('192.0.2.200', item)).toBe(429);
    // … but those who took part may go on, and other items are open
    expect(await post('203.0.113.0', item)).toBe(202);
    expect(await post('192.0.2.200', items[2]!)).toBe(202);
  });
});
