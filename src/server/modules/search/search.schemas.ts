import { z } from '@hono/zod-openapi';
import { FEEDBACK_TARGETS } from '../../../domain/feedback.ts';
import { NODE_KINDS } from '../../../domain/plan.ts';
import { SEARCH_QUERY_MAX } from '../../../domain/search.ts';

export const SEARCH_LIMIT_MAX = 50;

export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'type at least one character 请输入检索词')
    .max(SEARCH_QUERY_MAX, `at most ${SEARCH_QUERY_MAX} characters 检索词过长`)
    .openapi({
      example: '生物医药',
      description: 'A phrase: found as a substring, whatever the width, case or spacing',
    }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(SEARCH_LIMIT_MAX)
    .default(20)
    .openapi({ description: `Hits per kind (at most ${SEARCH_LIMIT_MAX})` }),
});

const highlightSchema = z.object({ start: z.number().int(), end: z.number().int() });

const hitBase = {
  id: z.uuid(),
  title: z.string(),
  snippet: z
    .string()
    .openapi({ description: 'The matching text around the phrase, cut with … at either end' }),
  highlight: highlightSchema.openapi({
    description: 'Where the phrase sits in the snippet (UTF-16 offsets)',
  }),
  field: z.enum(['title', 'text', 'code', 'reply']).openapi({ description: 'Which field matched' }),
};

export const searchResultSchema = z
  .object({
    planId: z.uuid(),
    query: z.string(),
    total: z.number().int().openapi({ description: 'All hits, before the per-kind limit' }),
    nodes: z.array(
      z.object({
        ...hitBase,
        kind: z.enum(NODE_KINDS),
        number: z.string().nullable(),
        path: z
          .array(z.string())
          .openapi({ description: 'Titles of the enclosing 篇/章/节, outermost first' }),
      }),
    ),
    indicators: z.array(z.object({ ...hitBase, code: z.string(), unit: z.string().nullable() })),
    projects: z.array(z.object({ ...hitBase, code: z.string() })),
    comments: z.array(
      z.object({
        ...hitBase,
        targetType: z.enum(FEEDBACK_TARGETS),
        targetId: z.uuid(),
      }),
    ),
    counts: z.object({
      nodes: z.number().int(),
      indicators: z.number().int(),
      projects: z.number().int(),
      comments: z.number().int(),
    }),
  })
  .openapi('SearchResult');

export type SearchResult = z.infer<typeof searchResultSchema>;
