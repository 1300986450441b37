import { defineImportRowType, IMPORT_BATCH_BOUNDS, runImportBatch, usccsOf } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import { RecordEquipmentRegistrationInput, recordEquipmentRegistrationRow } from './equipment-registration-mutations.ts';
import { GrantLicenseInput, grantLicenseRow } from './license-mutations.ts';
import { writers } from './write-access.ts';

/**
 * Batch writes for bulk imports (packages/tables): each row goes through the very code of the
 * single-row mutation, in its own transaction, and the answer says per row what became of it.
 */
const ImportRowRef = defineImportRowType(builder);

builder.mutationField('importLicenses', (t) =>
  t.field({
    type: [ImportRowRef],
    description:
      '批量导入许可 Records up to 500 granted licences, each exactly as grantLicense would, and answers every row: CREATED, UNCHANGED when the number is already held by the same holder under the same department, REJECTED with field and reason (KEY_TAKEN when another record holds the number), or FAILED (retryable).',
    authScopes: writers,
    args: {
      inputs: t.arg({
        type: [GrantLicenseInput],
        required: true,
        description: 'The licences, in file order.',
        bounds: IMPORT_BATCH_BOUNDS,
      }),
    },
    resolve: (_root, { inputs }, ctx) =>
      runImportBatch(inputs, (input) => grantLicenseRow(ctx, input).then((row) => row.number), {
        prefetch: () => ctx.enterpriseFacts.loadMany(usccsOf(inputs, 'holderUscc')),
      }),
  }),
);

builder.mutationField('importEquipmentRegistrations', (t) =>
  t.field({
    type: [ImportRowRef],
    description:
      '批量导入使用登记 Records up to 500 use registrations, each exactly as recordEquipmentRegistration would, and answers every row: CREATED, UNCHANGED when the registration code is already held by the same user under the same department, REJECTED with field and reason, or FAILED (retryable).',
    authScopes: writers,
    args: {
      inputs: t.arg({
        type: [RecordEquipmentRegistrationInput],
        required: true,
        description: 'The registrations, in file order.',
        bounds: IMPORT_BATCH_BOUNDS,
      }),
    },
    resolve: (_root, { inputs }, ctx) =>
      runImportBatch(inputs, (input) => recordEquipmentRegistrationRow(ctx, input).then((row) => row.registrationCode), {
        prefetch: () => ctx.enterpriseFacts.loadMany(usccsOf(inputs, 'userUscc')),
      }),
  }),
);
