import { z } from '@hono/zod-openapi';
import { ROLES } from '../../../domain/user.ts';

export const sessionUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(ROLES),
    locale: z.string(),
    departments: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  })
  .openapi('User');

export const loginBodySchema = z
  .object({
    email: z.string().min(3).max(254).openapi({ example: 'office@sip.example' }),
    password: z.string().min(1).max(1024),
  })
  .openapi('LoginRequest');

export const sessionSchema = z
  .object({
    user: sessionUserSchema,
    csrfToken: z.string().openapi({ description: 'Send as X-CSRF-Token on every write' }),
  })
  .openapi('Session');
