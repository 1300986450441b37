import { builder } from '../builder.ts';
import './enums.ts';
import './region.ts';
import './refs.ts';
import './publication.ts';
import './penalty.ts';
import './publication-timeliness.ts';
import './abnormal-operation.ts';
import './serious-violation.ts';
import './credit-repair.ts';
import './objection.ts';
import './enterprise.ts';
import './penalty-mutations.ts';
import './listing-mutations.ts';
import './repair-mutations.ts';
import './objection-mutations.ts';
import './credit-commitment.ts';

builder.queryType({ description: 'Queries of the sanctions subgraph.' });
builder.mutationType({ description: 'Writes of the sanctions subgraph (the producing department, in its region; admins).' });

/** The subgraph schema with federation's _service and _entities. */
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
