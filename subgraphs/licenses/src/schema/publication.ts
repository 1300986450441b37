import { builder } from '../builder.ts';
import type { Publication } from '../rules/publication-rules.ts';
import { ComputedDateRef } from './rules.ts';

export const PublicationRef = builder.objectRef<Publication>('Publication').implement({
  description:
    '公示情况 When a decision was published, against the 双公示 and national publicity deadlines counted in working days of the official calendar (holidays and 调休 make-up days).',
  fields: (t) => ({
    decidedOn: t.expose('decidedOn', { type: 'Date', description: '决定日期 Date of the decision the deadlines count from (day 0).' }),
    publishedOn: t.expose('publishedOn', { type: 'Date', nullable: true, description: '公示日期 Date published; null while unpublished.' }),
    published: t.boolean({ description: '是否已公示 Published.', resolve: (p) => p.publishedOn !== null }),
    dualPublicationDeadline: t.expose('dualPublicationDeadline', {
      type: 'Date',
      description: '双公示期限 Last day to publish on the credit platform (7 working days after the decision).',
    }),
    doublePublicityDeadline: t.field({
      type: 'Date',
      description: '双公示截止日 Same as dualPublicationDeadline (the name the sanctions subgraph uses too).',
      deprecationReason: 'One name for the 双公示 deadline everywhere: use dualPublicationDeadline.',
      resolve: (p) => p.dualPublicationDeadline,
    }),
    dualPublicationDeadlineExplanation: t.field({
      type: ComputedDateRef,
      description: '双公示期限依据 Why dualPublicationDeadline: rule, source, and whether it is provisional (holiday notice not loaded).',
      resolve: (p) => p.dualPublicationDeadlineExplanation,
    }),
    nationalPublicationDeadlineExplanation: t.field({
      type: ComputedDateRef,
      description: '公示系统期限依据 Why nationalPublicityDeadline: rule, article, and whether it is provisional.',
      resolve: (p) => p.nationalPublicationDeadlineExplanation,
    }),
    nationalPublicityDeadline: t.expose('nationalPublicationDeadline', {
      type: 'Date',
      description: '国家企业信用信息公示系统截止日 Last day to publish on the national publicity system (default 20 working days).',
    }),
    lateForDualPublication: t.exposeBoolean('lateForDualPublication', {
      description: '双公示逾期 Published after the 双公示 deadline, or still unpublished after it.',
    }),
    lateForDoublePublicity: t.boolean({
      description: '双公示逾期 Same as lateForDualPublication.',
      deprecationReason: 'One name for the 双公示 deadline everywhere: use lateForDualPublication.',
      resolve: (p) => p.lateForDualPublication,
    }),
    lateForNationalPublicity: t.exposeBoolean('lateForNationalPublication', {
      description: '公示系统逾期 Published after the national publicity deadline, or still unpublished after it.',
    }),
    late: t.boolean({
      description: '是否逾期 Late for either deadline.',
      resolve: (p) => p.lateForDualPublication || p.lateForNationalPublication,
    }),
    calendarCovered: t.exposeBoolean('calendarCovered', {
      description:
        '日历覆盖 The official holiday table covers the days counted; false: the deadlines are provisional (see the explanations).',
    }),
  }),
});
