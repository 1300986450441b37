import { builder } from '../builder.ts';
import './refs.ts';
import './enums.ts';
import './rules.ts';
import './inspector.ts';
import './plan.ts';
import './plan-mutations.ts';
import './draw.ts';
import './inspection.ts';
import './inspection-mutations.ts';
import './verification-mutations.ts';
import './credit-commitment-mutations.ts';
import './admonition-talk.ts';

builder.queryType({ description: 'Queries of the inspections subgraph: 双随机一公开 plans, draws and results.' });
builder.mutationType({ description: 'Writes of the inspections subgraph (regulators of the owning department in their region, admins).' });

/** The subgraph schema with federation's _service and _entities. */
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
