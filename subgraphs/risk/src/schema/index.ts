import { builder } from '../builder.ts';
import './enums.ts';
import './refs.ts';
import './credit-risk.ts';
import './distribution.ts';
import './classified-enterprises.ts';
import './class-lookup.ts';
import './changes.ts';
import './runs.ts';
import './audit-log.ts';
import './import-mutations.ts';

builder.queryType({ description: 'Queries of the risk subgraph: credit risk classes, never public.' });
builder.mutationType({ description: 'Writes of the risk subgraph (admins: province imports).' });

/** The subgraph schema with federation's _service and _entities. */
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
