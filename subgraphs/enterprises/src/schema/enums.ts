import type { KEY_DOMAINS, REGISTRATION_STATUSES } from '@credit-hub/seed';
import { builder } from '../builder.ts';

export const RegistrationStatusEnum = builder.enumType('RegistrationStatus', {
  description: '登记状态 Registration status as shown on the national publicity system.',
  values: {
    ACTIVE: { value: 'ACTIVE', description: '存续（在业） Registered and in business.' },
    REVOKED: { value: 'REVOKED', description: '吊销 Business licence revoked.' },
    DEREGISTERED: { value: 'DEREGISTERED', description: '注销 Deregistered.' },
    MOVED_OUT: { value: 'MOVED_OUT', description: '迁出 Moved to another registration authority.' },
  } as const satisfies Record<(typeof REGISTRATION_STATUSES)[number], unknown>,
});

export const KeyDomainEnum = builder.enumType('KeyDomain', {
  description: '重点领域 Focus domain of supervision named by the provinces.',
  values: {
    FOOD_PRODUCTION: { value: 'FOOD_PRODUCTION', description: '食品生产 Food production.' },
    SPECIAL_FOOD: { value: 'SPECIAL_FOOD', description: '特殊食品 Special foods (health foods, infant formula, special medical foods).' },
    SPECIAL_EQUIPMENT_PRODUCTION: {
      value: 'SPECIAL_EQUIPMENT_PRODUCTION',
      description: '特种设备生产 Special-equipment design, manufacture, installation, alteration and repair units.',
    },
    SPECIAL_EQUIPMENT_FILLING: {
      value: 'SPECIAL_EQUIPMENT_FILLING',
      description: '特种设备充装 Mobile pressure vessel and gas cylinder filling units.',
    },
    SPECIAL_EQUIPMENT_INSPECTION: {
      value: 'SPECIAL_EQUIPMENT_INSPECTION',
      description: '特种设备检验检测 Special-equipment inspection and testing bodies.',
    },
  } as const satisfies Record<(typeof KEY_DOMAINS)[number], unknown>,
});

export const EntityTypeEnum = builder.enumType('EntityType', {
  description: '主体类型 Kind of market entity, from position 2 of a market-regulation USCC.',
  values: {
    ENTERPRISE: { value: 'ENTERPRISE', description: '企业 Enterprise (9 1).' },
    INDIVIDUAL_BUSINESS: { value: 'INDIVIDUAL_BUSINESS', description: '个体工商户 Individual business (9 2).' },
    FARMERS_COOPERATIVE: { value: 'FARMERS_COOPERATIVE', description: "农民专业合作社 Farmers' cooperative (9 3)." },
    OTHER: { value: 'OTHER', description: '其他 Registered by another authority.' },
  },
});

export const CommitmentFulfilmentEnum = builder.enumType('CommitmentFulfilment', {
  description: '承诺履行状态 Whether a credit commitment has been kept.',
  values: {
    IN_PROGRESS: { value: 'IN_PROGRESS', description: '履行中 Being fulfilled.' },
    FULFILLED: { value: 'FULFILLED', description: '已履行 Kept.' },
    BREACHED: { value: 'BREACHED', description: '未履行（失信） Broken: the enterprise did not keep its commitment.' },
  },
});

export const entityTypeOf = (uscc: string) =>
  uscc.startsWith('91')
    ? 'ENTERPRISE'
    : uscc.startsWith('92')
      ? 'INDIVIDUAL_BUSINESS'
      : uscc.startsWith('93')
        ? 'FARMERS_COOPERATIVE'
        : 'OTHER';
