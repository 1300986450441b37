import { defineRegionType, regionOf } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';

export const RegionRef = defineRegionType(builder);
export { regionOf };
