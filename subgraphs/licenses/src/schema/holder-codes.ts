import { TEXT } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import { equipmentUsersAmong, holdersAmong } from '../data/holder-codes.ts';
import { visibilityScopeOf } from '../data/visibility.ts';
import { LicenseKindEnum } from './enums.ts';

/** 3 000 codes, one field each: a static cost of 3 000 (list argument × item). */
const MAX_CODES = 3000;

builder.queryField('licenceHoldersAmong', (t) =>
  t.field({
    type: ['String'],
    description:
      '持证主体筛选 Which of up to 3 000 enterprises (by code) hold a licence of one of these kinds in force today, as codes in ascending order: the lean read a 双随机 draw joins its pool with (holders of a kind; special-equipment producers and inspection bodies, key supervision). Supervisors and services, over the licences each may see.',
    authScopes: { supervisor: true },
    args: {
      usccs: t.arg.stringList({ required: true, description: 'Codes to check.', bounds: { ...TEXT.code, maxItems: MAX_CODES } }),
      kinds: t.arg({ type: [LicenseKindEnum], required: true, description: '许可类别 One or more kinds.' }),
    },
    resolve: (_root, args, ctx) =>
      args.usccs.length && args.kinds.length ? holdersAmong(ctx.db, args.usccs, args.kinds, visibilityScopeOf(ctx.caller), ctx.today) : [],
  }),
);

builder.queryField('equipmentUsersAmong', (t) =>
  t.field({
    type: ['String'],
    description:
      '特种设备使用单位筛选 Which of up to 3 000 enterprises (by code) have special equipment registered in use (使用单位), as codes in ascending order: the 双随机 draw of user units. Supervisors and services, over the registrations each may see.',
    authScopes: { supervisor: true },
    args: {
      usccs: t.arg.stringList({ required: true, description: 'Codes to check.', bounds: { ...TEXT.code, maxItems: MAX_CODES } }),
    },
    resolve: (_root, args, ctx) =>
      args.usccs.length ? equipmentUsersAmong(ctx.db, args.usccs, visibilityScopeOf(ctx.caller), ctx.today) : [],
  }),
);
