import { builder } from '../builder.ts';
import './changes.ts';
import './import-job.ts';
import './webhooks.ts';

builder.queryType({ description: 'Queries of the exchange service: the merged change feed and webhook administration.' });
builder.mutationType({ description: 'Writes of the exchange service (admins: webhook subscriptions).' });

/** The subgraph schema with federation's _service and _entities. */
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
