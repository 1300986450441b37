import { builder } from '../builder.ts';
import type { DrawEntryRow, DrawRow, InspectionRow, InspectorRow, PlanRow, TaskRow } from '../db/schema.ts';

/** Every object type, declared before any is implemented, so type files can refer to each other. */
export const EnterpriseRef = builder.externalRef('Enterprise', builder.selection<{ uscc: string }>('uscc'));
export const InspectorRef = builder.objectRef<InspectorRow>('Inspector');
export const PlanRef = builder.objectRef<PlanRow>('InspectionPlan');
export const TaskRef = builder.objectRef<TaskRow>('InspectionTask');
export const DrawRef = builder.objectRef<DrawRow>('InspectionDraw');
export const DrawEntryRef = builder.objectRef<DrawEntryRow>('DrawnEnterprise');
export const InspectionRef = builder.objectRef<InspectionRow>('Inspection');
