import { builder } from '../builder.ts';
import './enums.ts';
import './region.ts';
import './uscc-check.ts';
import './annual-report.ts';
import './credit-commitment.ts';
import './enterprise.ts';
import './enterprise-mutations.ts';
import './enterprise-codes.ts';

builder.queryType({ description: 'Queries of the enterprises subgraph.' });
builder.mutationType({ description: 'Writes of the enterprises subgraph (regulators of the region, admins).' });

/** The subgraph schema with federation's _service and _entities. */
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
