import { builder } from '../builder.ts';
import type { Publication } from '../rules/publication-rules.ts';

export const PublicationRef = builder.objectRef<Publication>('Publication').implement({
  description:
    '公示情况 When a decision was published, against the 双公示 and national publicity deadlines counted in working days of the official calendar (holidays and 调休 make-up days).',
  fields: (t) => ({
    decidedOn: t.expose('decidedOn', { type: 'Date', description: '决定日期 Date of the decision the deadlines count from (day 0).' }),
    publishedOn: t.expose('publishedOn', { type: 'Date', nullable: true, description: '公示日期 Date published; null while unpublished.' }),
    published: t.boolean({ description: '是否已公示 Published.', resolve: (p) => p.publishedOn !== null }),
    doublePublicityDeadline: t.expose('doublePublicityDeadline', {
      type: 'Date',
      description: '双公示截止日 Last day to publish on the credit platform (default 7 working days after the decision).',
    }),
    nationalPublicityDeadline: t.expose('nationalPublicityDeadline', {
      type: 'Date',
      description: '国家企业信用信息公示系统截止日 Last day to publish on the national publicity system (default 20 working days).',
    }),
    lateForDoublePublicity: t.exposeBoolean('lateForDoublePublicity', {
      description: '双公示逾期 Published after the 双公示 deadline, or still unpublished after it.',
    }),
    lateForNationalPublicity: t.exposeBoolean('lateForNationalPublicity', {
      description: '公示系统逾期 Published after the national publicity deadline, or still unpublished after it.',
    }),
    late: t.boolean({
      description: '是否逾期 Late for either deadline.',
      resolve: (p) => p.lateForDoublePublicity || p.lateForNationalPublicity,
    }),
    calendarCovered: t.exposeBoolean('calendarCovered', {
      description: '日历覆盖 The official holiday table covers the days counted; false means Monday–Friday was assumed.',
    }),
  }),
});
