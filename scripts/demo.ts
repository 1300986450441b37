import { enterpriseAt } from '@credit-hub/seed';

/**
 * The demo enterprise the README and GraphiQL examples show: in the demo data it has a licence,
 * a published penalty and an abnormal-operations listing (the quick-start test checks it).
 */
export const DEMO_PROFILE = enterpriseAt(119);
