import { builder } from '../builder.ts';
import type { CreditCommitmentRow } from '../db/schema.ts';
import { CommitmentFulfilmentEnum } from './enums.ts';

export const CreditCommitmentRef = builder.objectRef<CreditCommitmentRow>('CreditCommitment').implement({
  description: '信用承诺 A written commitment an enterprise made to a department (告知承诺, 主动承诺, 修复承诺).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Identifier of the commitment.' }),
    matter: t.exposeString('matter', { description: '承诺事项 What the commitment is about.' }),
    content: t.exposeString('content', { description: '承诺内容 Text of the commitment.' }),
    committedOn: t.expose('committedOn', { type: 'Date', description: '承诺日期 Date made.' }),
    authority: t.exposeString('authority', { description: '承诺受理机关 Authority the commitment was made to.' }),
    department: t.exposeString('department', { description: '受理部门 Department code that recorded it.' }),
    fulfilment: t.expose('fulfilment', { type: CommitmentFulfilmentEnum, description: '履行状态 Whether it has been kept.' }),
    published: t.exposeBoolean('published', { description: '是否公示 Published; unpublished ones are visible to supervisors only.' }),
  }),
});
