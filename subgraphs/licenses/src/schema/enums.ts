import { builder } from '../builder.ts';
import type {
  COMMITMENT_VERIFICATIONS,
  EQUIPMENT_REGISTRATION_STATUSES,
  LICENSE_ACTIONS,
  LICENSE_KINDS,
  LICENSE_STATUSES,
  LICENSED_ACTIVITIES,
} from '../rules/license-kinds.ts';
import type { STATUS_ACTIONS } from '../rules/license-status-rules.ts';

export const LicenseKindEnum = builder.enumType('LicenseKind', {
  description: '许可类别 Kind of administrative licence in the focus domains.',
  values: {
    SPECIAL_EQUIPMENT_PRODUCTION: {
      value: 'SPECIAL_EQUIPMENT_PRODUCTION',
      description: '特种设备生产许可 Design, manufacture, installation, alteration and repair of special equipment (TS…).',
    },
    SPECIAL_EQUIPMENT_FILLING: {
      value: 'SPECIAL_EQUIPMENT_FILLING',
      description: '移动式压力容器/气瓶充装许可 Filling of mobile pressure vessels and gas cylinders (TS…).',
    },
    SPECIAL_EQUIPMENT_INSPECTION: {
      value: 'SPECIAL_EQUIPMENT_INSPECTION',
      description: '特种设备检验检测机构核准 Approval of a special-equipment inspection and testing body (TS…).',
    },
    FOOD_PRODUCTION: { value: 'FOOD_PRODUCTION', description: '食品生产许可 Food production licence (SC + 14 digits).' },
    OTHER: { value: 'OTHER', description: '其他行政许可 Any other administrative licence.' },
  } as const satisfies Record<(typeof LICENSE_KINDS)[number], unknown>,
});

export const LicenseStatusEnum = builder.enumType('LicenseStatus', {
  description: '许可状态 Status of a licence; EXPIRED follows from validTo on the day it is read.',
  values: {
    VALID: { value: 'VALID', description: '有效 In force.' },
    EXPIRED: { value: 'EXPIRED', description: '过期 Last day of validity has passed without renewal.' },
    SUSPENDED: { value: 'SUSPENDED', description: '暂扣 Suspended by a decision; may be reinstated.' },
    REVOKED: { value: 'REVOKED', description: '吊销 Revoked as an administrative penalty.' },
    CANCELLED: { value: 'CANCELLED', description: '注销 Cancelled: expired and not renewed, given up, or the holder ceased to exist.' },
    WITHDRAWN: { value: 'WITHDRAWN', description: '撤销 Withdrawn: it should not have been granted (e.g. a false commitment).' },
  } as const satisfies Record<(typeof LICENSE_STATUSES)[number], unknown>,
});

export const LicenseActionEnum = builder.enumType('LicenseAction', {
  description: '许可决定 A decision recorded in a licence’s history.',
  values: {
    GRANTED: { value: 'GRANTED', description: '准予许可 Granted.' },
    RENEWED: { value: 'RENEWED', description: '延续 Renewed for another validity period.' },
    SUSPENDED: { value: 'SUSPENDED', description: '暂扣 Suspended.' },
    REINSTATED: { value: 'REINSTATED', description: '恢复 Reinstated after a suspension.' },
    REVOKED: { value: 'REVOKED', description: '吊销 Revoked.' },
    CANCELLED: { value: 'CANCELLED', description: '注销 Cancelled.' },
    WITHDRAWN: { value: 'WITHDRAWN', description: '撤销 Withdrawn.' },
  } as const satisfies Record<(typeof LICENSE_ACTIONS)[number], unknown>,
});

export const LicenseStatusActionEnum = builder.enumType('LicenseStatusAction', {
  description: '状态变更 A status decision the producing department can take on a licence.',
  values: {
    SUSPEND: { value: 'SUSPEND', description: '暂扣 Suspend a valid licence.' },
    REINSTATE: { value: 'REINSTATE', description: '恢复 Reinstate a suspended licence.' },
    REVOKE: { value: 'REVOKE', description: '吊销 Revoke (a penalty) a valid or suspended licence.' },
    CANCEL: { value: 'CANCEL', description: '注销 Cancel a valid, suspended or expired licence.' },
    WITHDRAW: { value: 'WITHDRAW', description: '撤销 Withdraw a licence that should not have been granted.' },
  } as const satisfies Record<(typeof STATUS_ACTIONS)[number], unknown>,
});

export const LicensedActivityEnum = builder.enumType('LicensedActivity', {
  description: '许可项目 Activity a licensed item covers.',
  values: {
    DESIGN: { value: 'DESIGN', description: '设计 Design.' },
    MANUFACTURE: { value: 'MANUFACTURE', description: '制造 Manufacture.' },
    INSTALLATION: { value: 'INSTALLATION', description: '安装 Installation.' },
    ALTERATION: { value: 'ALTERATION', description: '改造 Alteration.' },
    REPAIR: { value: 'REPAIR', description: '修理 Repair.' },
    FILLING: { value: 'FILLING', description: '充装 Filling of mobile pressure vessels or gas cylinders.' },
    INSPECTION: { value: 'INSPECTION', description: '检验检测 Inspection and testing.' },
    FOOD_PRODUCTION: { value: 'FOOD_PRODUCTION', description: '食品生产 Production of a food category.' },
  } as const satisfies Record<(typeof LICENSED_ACTIVITIES)[number], unknown>,
});

export const CommitmentVerificationEnum = builder.enumType('CommitmentVerification', {
  description: '告知承诺核查结果 Outcome of verifying a licence granted by notification-commitment.',
  values: {
    PENDING: { value: 'PENDING', description: '待核查 Not yet verified.' },
    CONFIRMED: { value: 'CONFIRMED', description: '核查属实 The commitment was kept.' },
    NOT_MET: { value: 'NOT_MET', description: '承诺不实 The commitment was false; grounds for withdrawing the licence.' },
  } as const satisfies Record<(typeof COMMITMENT_VERIFICATIONS)[number], unknown>,
});

export const EquipmentRegistrationStatusEnum = builder.enumType('EquipmentRegistrationStatus', {
  description: '使用登记状态 Status of a special-equipment use registration.',
  values: {
    IN_USE: { value: 'IN_USE', description: '在用 Registered and in use.' },
    SUSPENDED: { value: 'SUSPENDED', description: '停用 Temporarily out of use (报停).' },
    CANCELLED: { value: 'CANCELLED', description: '注销 Registration cancelled (scrapped, moved away, user ceased).' },
  } as const satisfies Record<(typeof EQUIPMENT_REGISTRATION_STATUSES)[number], unknown>,
});
