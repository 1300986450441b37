import { createSubgraphBuilder } from '@credit-hub/subgraph-kit';
import type { Context } from './context.ts';

/** Only sets up plugins; types live in schema/*. */
export const builder = createSubgraphBuilder<Context>();
