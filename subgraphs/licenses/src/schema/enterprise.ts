import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { effectiveStatus } from '../rules/license-status-rules.ts';
import { summarizeLicenses } from '../rules/license-summary-rules.ts';
import { EnterpriseRef } from './enterprise-ref.ts';
import { LicenseKindEnum, LicenseStatusEnum } from './enums.ts';
import { callerSeesRegistration, EquipmentRegistrationRef } from './equipment-registration.ts';
import { callerSeesLicense, LicenseRef } from './license.ts';

/** The licences of one enterprise the caller may see, from the per-request loader (one statement for all enterprises). */
const visibleLicenses = async (uscc: string, ctx: Context) =>
  (await ctx.loaders.licensesByHolder.load(uscc)).filter((license) => callerSeesLicense(ctx, license));

const LicenseSummaryRef = builder.objectRef<ReturnType<typeof summarizeLicenses>>('LicenseSummary').implement({
  description: '许可概况 What an enterprise is licensed to do at a glance, over the licences the caller may see; the risk model reads it.',
  fields: (t) => ({
    total: t.exposeInt('total', { description: '许可总数 Licences on record.' }),
    valid: t.exposeInt('valid', { description: '有效 Licences in force today.' }),
    expiringSoon: t.exposeInt('expiringSoon', {
      description: '即将到期 Valid licences whose last day is within `expiringSoonDays` (default 90).',
    }),
    expired: t.exposeInt('expired', { description: '过期 Licences past validTo and not cancelled.' }),
    suspended: t.exposeInt('suspended', { description: '暂扣中 Licences suspended now.' }),
    revoked: t.exposeInt('revoked', { description: '已吊销 Licences revoked.' }),
    suspendedOrRevokedRecently: t.exposeInt('suspendedOrRevokedRecently', {
      description:
        '近期暂扣或吊销 Licences suspended or revoked by a decision within `lookbackYears` (default 3), even if reinstated since.',
    }),
    expiringSoonDays: t.exposeInt('expiringSoonDays', { description: 'Window of `expiringSoon`, in days.' }),
    lookbackYears: t.exposeInt('lookbackYears', { description: 'Window of `suspendedOrRevokedRecently`, in years.' }),
  }),
});

EnterpriseRef.implement({
  // Same text as the owning subgraph, so composition has one description to keep.
  description:
    '企业 Market entity keyed by its unified social credit code, with the basic information the national enterprise credit publicity system shows (基础信息).',
  fields: (t) => ({
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 Unified social credit code (18 characters).' }),
    licenses: t.field({
      type: [LicenseRef],
      nullable: true,
      description: '行政许可 Licences held, latest expiry first; the public sees published licences only.',
      args: {
        status: t.arg({ type: [LicenseStatusEnum], description: '许可状态 Only these statuses (as of today).' }),
        kind: t.arg({ type: [LicenseKindEnum], description: '许可类别 Only these kinds.' }),
      },
      resolve: async (enterprise, args, ctx) =>
        (await visibleLicenses(enterprise.uscc, ctx)).filter(
          (license) =>
            (!args.status?.length || args.status.includes(effectiveStatus(license, ctx.today))) &&
            (!args.kind?.length || args.kind.includes(license.kind)),
        ),
    }),
    equipmentRegistrations: t.field({
      type: [EquipmentRegistrationRef],
      nullable: true,
      description: '特种设备使用登记 Special equipment the enterprise uses; the public sees published registrations only.',
      resolve: async (enterprise, _args, ctx) =>
        (await ctx.loaders.equipmentRegistrationsByUser.load(enterprise.uscc)).filter((registration) =>
          callerSeesRegistration(ctx, registration),
        ),
    }),
    licenseSummary: t.field({
      type: LicenseSummaryRef,
      nullable: true,
      description: '许可概况 Valid, expiring within 90 days, suspended or revoked in the last 3 years (windows configurable).',
      resolve: async (enterprise, _args, ctx) => {
        const [licenses, changes] = await Promise.all([
          visibleLicenses(enterprise.uscc, ctx),
          ctx.loaders.statusChangesByHolder.load(enterprise.uscc),
        ]);
        return summarizeLicenses(licenses, changes, ctx.today, ctx.rules);
      },
    }),
  }),
});
