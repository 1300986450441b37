import { computedDate, TEXT } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { callerSeesRecord, recordFacts } from '../data/visibility.ts';
import type { EquipmentRegistrationRow } from '../db/schema.ts';
import { licenseRule } from '../rules/catalogue.ts';
import { publicationOf } from '../rules/publication-rules.ts';
import { isRegisteredOnTime, registrationDeadline } from '../rules/registration-rules.ts';
import { EnterpriseRef } from './enterprise-ref.ts';
import { EquipmentRegistrationStatusEnum } from './enums.ts';
import { PublicationRef } from './publication.ts';
import { RegionRef, regionOf } from './region.ts';
import { ComputedDateRef } from './rules.ts';

export const callerSeesRegistration = (ctx: Context, registration: EquipmentRegistrationRow) =>
  callerSeesRecord(ctx.caller, registration, registration.publishedOn, ctx.today);

/** What the access policy judges a use registration by. */
export const registrationFacts = (ctx: Context, registration: EquipmentRegistrationRow) =>
  recordFacts(registration, registration.publishedOn, ctx.today);

export const EquipmentRegistrationRef = builder.objectRef<EquipmentRegistrationRow>('EquipmentRegistration').implement({
  description: '特种设备使用登记 Use registration of one piece of special equipment, under the user unit’s unified social credit code.',
  fields: (t) => ({
    registrationCode: t.exposeString('registrationCode', { description: '注册代码 Registration code of the equipment (unique).' }),
    certificateNumber: t.exposeString('certificateNumber', { description: '使用登记证编号 Certificate number, e.g. 容17晋M00123(24).' }),
    equipmentCode: t.exposeString('equipmentCode', { description: '设备代码 Equipment code assigned by the manufacturer.' }),
    equipmentCategory: t.exposeString('equipmentCategory', { description: '设备类别 Category, e.g. 压力容器.' }),
    equipmentKind: t.exposeString('equipmentKind', { description: '设备种类 Kind, e.g. 固定式压力容器.' }),
    equipmentVariety: t.exposeString('equipmentVariety', { description: '设备品种 Variety, e.g. 储存容器.' }),
    model: t.exposeString('model', { description: '型号 Model.' }),
    productNumber: t.exposeString('productNumber', { description: '产品编号 Product (serial) number.' }),
    manufacturedOn: t.expose('manufacturedOn', { type: 'Date', description: '制造日期 Date of manufacture.' }),
    userUscc: t.exposeString('userUscc', { description: '使用单位统一社会信用代码 User unit’s unified social credit code.' }),
    user: t.field({
      type: EnterpriseRef,
      description: '使用单位 The user unit (resolved by the enterprises subgraph).',
      resolve: (r) => ({ uscc: r.userUscc }),
    }),
    region: t.field({ type: RegionRef, description: '所属区划 Division of the user unit.', resolve: (r) => regionOf(r.regionCode) }),
    installationSite: t.exposeString('installationSite', { description: '设备使用地点 Where the equipment is installed.' }),
    maintenanceUnit: t.exposeString('maintenanceUnit', { nullable: true, description: '维护保养单位 Maintenance unit.' }),
    firstUsedOn: t.expose('firstUsedOn', { type: 'Date', description: '投入使用日期 Date first used.' }),
    registeredOn: t.expose('registeredOn', { type: 'Date', description: '登记日期 Date registered.' }),
    registrationDeadline: t.field({
      type: 'Date',
      description: '登记期限 Last day to register (default 30 days after first use).',
      resolve: (r, _args, ctx) => registrationDeadline(r.firstUsedOn, ctx.rules.registrationDeadlineDays),
    }),
    registrationDeadlineExplanation: t.field({
      type: ComputedDateRef,
      description: '登记期限依据 Why registrationDeadline: rule, source, effective date.',
      resolve: (r, _args, ctx) =>
        computedDate(
          registrationDeadline(r.firstUsedOn, ctx.rules.registrationDeadlineDays),
          licenseRule(ctx.rules, 'EQUIPMENT_REGISTRATION_DEADLINE', r.firstUsedOn),
        ),
    }),
    registeredOnTime: t.boolean({
      description: '按期登记 Registered before use or within the deadline after first use.',
      resolve: (r, _args, ctx) => isRegisteredOnTime(r, ctx.rules.registrationDeadlineDays),
    }),
    registrationAuthority: t.exposeString('registrationAuthority', { description: '登记机关 Registering authority.' }),
    department: t.exposeString('department', { description: '产生部门 Department that produced the record (谁产生、谁负责).' }),
    status: t.expose('status', { type: EquipmentRegistrationStatusEnum, description: '登记状态 Status.' }),
    cancelledOn: t.expose('cancelledOn', { type: 'Date', nullable: true, description: '注销日期 Date cancelled.' }),
    cancellationReason: t.exposeString('cancellationReason', { nullable: true, description: '注销原因 Why it was cancelled.' }),
    publication: t.field({
      type: PublicationRef,
      description: '公示情况 Publication of the registration against its deadlines.',
      resolve: (r, _args, ctx) => publicationOf(r.registeredOn, r.publishedOn, ctx.today, ctx.rules),
    }),
    internalNotes: t.exposeString('internalNotes', {
      nullable: true,
      description: '内部备注 Internal notes. Supervisors of the region only; null for others.',
      authScopes: (r) => ({ seesRegion: r.regionCode }),
      unauthorizedResolver: () => null,
    }),
  }),
});

builder.queryField('equipmentRegistration', (t) =>
  t.field({
    type: EquipmentRegistrationRef,
    nullable: true,
    description: '按注册代码查询使用登记 One registration by code; null when unknown or not visible to the caller.',
    args: { registrationCode: t.arg.string({ required: true, description: '注册代码.', bounds: TEXT.code }) },
    resolve: async (_root, { registrationCode }, ctx) => {
      const registration = await ctx.loaders.equipmentRegistration.load(registrationCode.trim().toUpperCase());
      return registration && callerSeesRegistration(ctx, registration) ? registration : null;
    },
  }),
);
