import { defineImportRowType, IMPORT_BATCH_BOUNDS } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import { importEquipmentRegistrationBatch, RecordEquipmentRegistrationInput } from './equipment-registration-mutations.ts';
import { GrantLicenseInput, importLicenseBatch } from './license-mutations.ts';
import { writers } from './write-access.ts';

/**
 * Batch writes for bulk imports (packages/tables): each row is checked by the very code of the
 * single-row mutation, and the answer says per row what became of it. Both are stored set-based:
 * the good rows of a batch together, in one transaction.
 */
const ImportRowRef = defineImportRowType(builder);

builder.mutationField('importLicenses', (t) =>
  t.field({
    type: [ImportRowRef],
    description:
      '批量导入许可 Records up to 500 granted licences, each checked exactly as grantLicense checks it, the good ones stored together in one transaction, and answers every row: CREATED, UNCHANGED when the number is already held by the same holder under the same department, REJECTED with field and reason (KEY_TAKEN when another record holds the number); an internal failure fails the whole call, which may be sent again (rows already stored then answer UNCHANGED).',
    authScopes: writers,
    args: {
      inputs: t.arg({
        type: [GrantLicenseInput],
        required: true,
        description: 'The licences, in file order.',
        bounds: IMPORT_BATCH_BOUNDS,
      }),
    },
    // At most MAX_IMPORT_BATCH inputs: IMPORT_BATCH_BOUNDS is checked before the resolver runs.
    resolve: (_root, { inputs }, ctx) => importLicenseBatch(ctx, inputs),
  }),
);

builder.mutationField('importEquipmentRegistrations', (t) =>
  t.field({
    type: [ImportRowRef],
    description:
      '批量导入使用登记 Records up to 500 use registrations, each checked exactly as recordEquipmentRegistration checks it, the good ones stored together, and answers every row: CREATED, UNCHANGED when the registration code is already held by the same user under the same department, REJECTED with field and reason; an internal failure fails the whole call, which may be sent again (rows already stored then answer UNCHANGED).',
    authScopes: writers,
    args: {
      inputs: t.arg({
        type: [RecordEquipmentRegistrationInput],
        required: true,
        description: 'The registrations, in file order.',
        bounds: IMPORT_BATCH_BOUNDS,
      }),
    },
    // At most MAX_IMPORT_BATCH inputs: IMPORT_BATCH_BOUNDS is checked before the resolver runs.
    resolve: (_root, { inputs }, ctx) => importEquipmentRegistrationBatch(ctx, inputs),
  }),
);
