import { expect } from 'vitest';
import type { Client } from './session.ts';

/** A value as POST /api/observations takes it. */
export interface ValueEntry {
  indicatorId: string;
  period: string;
  value: number;
  note?: string | null;
  reason?: string;
}

/**
 * Enters a value as `entrant`, submits it and has `office` approve it, asserting each step's status
 * (201, 200, 200); returns the observation's id.
 */
export async function approvedValue(entrant: Client, office: Client, entry: ValueEntry): Promise<string> {
  const obs = await entrant.request('POST', '/api/observations', entry);
  expect(obs.status, JSON.stringify(obs.body)).toBe(201);
  const id = obs.body.observation.id as string;
  expect((await entrant.request('POST', `/api/observations/${id}/submit`)).status).toBe(200);
  expect((await office.request('POST', `/api/observations/${id}/approve`)).status).toBe(200);
  return id;
}

/** Enters a value as `client`: POST /api/observations, the answer as it comes (a draft, or a refusal). */
export async function enterValue(client: Client, entry: ValueEntry): ReturnType<Client['request']> {
  return await client.request('POST', '/api/observations', entry);
}
