import type { IndicatorDefinition } from '../model.ts';

/** A revoked business licence (吊销营业执照) that is still on the register is a risk on its own. */
export const registrationStatus: IndicatorDefinition = {
  key: 'registration_status',
  description: { zh: '登记状态异常', en: 'Registration status at risk (business licence revoked)' },
  computation: '1 when the registration status is one of riskyStatuses (default REVOKED), else 0; the share equals the value.',
  defaults: { riskyStatuses: ['REVOKED'] },
  measure(facts, params) {
    const risky = Array.isArray(params.riskyStatuses) ? (params.riskyStatuses as string[]) : [];
    const value = risky.includes(facts.status) ? 1 : 0;
    return { value, share: value };
  },
};
