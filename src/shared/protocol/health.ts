// GET /api/health.
import { z } from 'zod';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  protocolVersion: z.number(),
  database: z.string(),
});
