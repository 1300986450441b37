import { builder } from '../builder.ts';
import './enums.ts';
import './region.ts';
import './rules.ts';
import './publication.ts';
import './enterprise-ref.ts';
import './license.ts';
import './publication-timeliness.ts';
import './license-mutations.ts';
import './equipment-registration.ts';
import './equipment-registration-mutations.ts';
import './holder-codes.ts';
import './import-mutations.ts';
import './enterprise.ts';

builder.queryType({ description: 'Queries of the licences subgraph.' });
builder.mutationType({ description: 'Writes of the licences subgraph (regulators of the producing department, in their region; admins).' });

/** The subgraph schema with federation's _service and _entities. */
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
