import { z } from 'zod';

/**
 * HOLIDAY_DATA_DIR: a directory of extra `<year>.json` notices (same format as `data/`), read at
 * start-up, so a newly published year can be used without a release. Its years override the
 * bundled ones.
 */
export const workdaysEnv = z
  .object({ HOLIDAY_DATA_DIR: z.string().trim().min(1).optional() })
  .parse({ HOLIDAY_DATA_DIR: process.env.HOLIDAY_DATA_DIR || undefined });
