import { builder } from '../builder.ts';
import './changes.ts';
import './export-job.ts';
import './import-job.ts';
import './webhooks.ts';

builder.queryType({
  description: 'Queries of the exchange service: the merged change feed, webhook administration and 双公示 export jobs.',
});
builder.mutationType({
  description: 'Writes of the exchange service (admins: webhook subscriptions; platform and admins: 双公示 exports).',
});

/** The subgraph schema with federation's _service and _entities. */
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
