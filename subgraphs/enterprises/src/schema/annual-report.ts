import { callerSeesRegion } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import { annualReportDeadline, isFiledOnTime } from '../data/annual-report-rules.ts';
import type { AnnualReportRow } from '../db/schema.ts';

/** A report with the region of its enterprise, which decides who sees the unpublished fields. */
export type AnnualReportView = AnnualReportRow & { regionCode: string };

const optional = (report: AnnualReportView, caller: Parameters<typeof callerSeesRegion>[0]) =>
  report.optionalFieldsPublished || callerSeesRegion(caller, report.regionCode);

export const AnnualReportRef = builder.objectRef<AnnualReportView>('AnnualReport').implement({
  description: '年度报告 Annual report an enterprise files for the previous year between 1 January and 30 June.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: '报告年度 The year reported on.' }),
    submittedOn: t.expose('submittedOn', { type: 'Date', description: '报送日期 Date the report was filed.' }),
    deadline: t.field({
      type: 'Date',
      description: '报送截止日 Last day of the window (30 June of the following year).',
      resolve: (r) => annualReportDeadline(r.year),
    }),
    onTime: t.boolean({ description: '是否按时报送 Filed within the window.', resolve: (r) => isFiledOnTime(r) }),
    businessStatus: t.exposeString('businessStatus', { description: '经营状态 Business status declared in the report.' }),
    contactPhone: t.exposeString('contactPhone', { nullable: true, description: '企业联系电话 Contact phone, published with the report.' }),
    contactEmail: t.exposeString('contactEmail', { nullable: true, description: '电子邮箱 Contact e-mail, published with the report.' }),
    address: t.exposeString('address', { nullable: true, description: '通信地址 Postal address declared in the report.' }),
    subscribedCapital: t.float({
      nullable: true,
      description: '认缴出资额（万元） Subscribed capital, 10 000 CNY.',
      resolve: (r) => r.subscribedCapital,
    }),
    paidInCapital: t.float({
      nullable: true,
      description: '实缴出资额（万元） Paid-in capital, 10 000 CNY.',
      resolve: (r) => r.paidInCapital,
    }),
    optionalFieldsPublished: t.exposeBoolean('optionalFieldsPublished', {
      description: '选择公示 The enterprise chose to publish headcount, assets and revenue.',
    }),
    employees: t.int({
      nullable: true,
      description: '从业人数 Headcount; public only when the enterprise chose to publish it.',
      resolve: (r, _args, ctx) => (optional(r, ctx.caller) ? r.employees : null),
    }),
    totalAssets: t.float({
      nullable: true,
      description: '资产总额（万元） Total assets; public only when the enterprise chose to publish it.',
      resolve: (r, _args, ctx) => (optional(r, ctx.caller) ? r.totalAssets : null),
    }),
    revenue: t.float({
      nullable: true,
      description: '营业总收入（万元） Revenue; public only when the enterprise chose to publish it.',
      resolve: (r, _args, ctx) => (optional(r, ctx.caller) ? r.revenue : null),
    }),
  }),
});

export const AnnualReportComplianceRef = builder
  .objectRef<{ lastDueYear: number; missingYears: number[]; lateYears: number[] }>('AnnualReportCompliance')
  .implement({
    description: '年报履行情况 Whether the enterprise filed its annual reports (last five closed windows).',
    fields: (t) => ({
      lastDueYear: t.exposeInt('lastDueYear', { description: 'Latest year whose filing window has closed.' }),
      missingYears: t.exposeIntList('missingYears', {
        description: '未报年度 Closed years with no report (grounds for the abnormal-operations list).',
      }),
      lateYears: t.exposeIntList('lateYears', { description: '逾期报送年度 Years reported after the window closed.' }),
    }),
  });
