import {
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../pagination.ts';

export interface OperationCost {
  /** Fields the operation may resolve, each multiplied by the list sizes above it. */
  cost: number;
  /** Asks for the schema itself (`__schema`, `__type`, or a subgraph's `_service { sdl }`). */
  introspection: boolean;
  /** `__schema` fields once fragments are expanded: each answers the whole schema (200 KB) again. */
  schemaFields: number;
}

interface Measure {
  cost: number;
  schemaFields: number;
}

const PAGE_ARGUMENTS = new Set(['first', 'last']);
const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '_service']);

/**
 * Static cost of one operation, before it runs:
 * - every field costs 1 per item of its parent, `__typename` too (a fragment bomb may hold nothing else);
 * - a field that returns a list and takes a list argument (`enterprises(usccs:)`, a subgraph's
 *   `_entities(representations:)`) multiplies itself and its selection by that list's length, from
 *   the literal or from the variable it names; `first`/`last` (or the page size they default to)
 *   multiply a connection the same way; aliases repeat the field and so add up naturally;
 * - introspection fields count like any other.
 *
 * GraphQL Armor's cost limit runs as a validation rule, which sees no variables, and counts only a
 * literal `first`; a batch passed as a variable (which is how the gateway sends `_entities`) would
 * cost 1. Hence this small rule. Each fragment is measured once, memoised by name, so a document
 * whose fragments spread each other twice per level (2^n fields once expanded) is measured in time
 * linear in its size: the cost itself grows to 2^n and is refused.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): OperationCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentMeasures = new Map<string, Measure>();
  let introspection = false;
  // A variable the request leaves out takes its default, which then sizes the list just the same.
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    values[name] = name in variables ? variables[name] : definition.defaultValue ? argumentValue(definition.defaultValue, {}) : undefined;
  }

  const measureSelectionSet = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined): Measure => {
    const total = { cost: 0, schemaFields: 0 };
    for (const selection of selectionSet.selections) {
      let measure: Measure;
      if (selection.kind === Kind.FIELD) {
        measure = measureField(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        measure = measureSelectionSet(selection.selectionSet, type ?? undefined);
      } else {
        measure = measureFragment(selection.name.value);
      }
      total.cost += measure.cost;
      total.schemaFields += measure.schemaFields;
    }
    return total;
  };

  const measureFragment = (name: string): Measure => {
    const known = fragmentMeasures.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Validation refuses unknown fragments and cycles; the placeholder keeps a cycle finite anyway.
    fragmentMeasures.set(name, { cost: 0, schemaFields: 0 });
    const measure = fragment
      ? measureSelectionSet(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined)
      : { cost: 0, schemaFields: 0 };
    fragmentMeasures.set(name, measure);
    return measure;
  };

  const measureField = (field: FieldNode, parent: GraphQLNamedType | undefined): Measure => {
    const name = field.name.value;
    if (INTROSPECTION_FIELDS.has(name)) introspection = true;
    const definition = fieldDefinition(schema, parent, name);
    const children = field.selectionSet
      ? measureSelectionSet(field.selectionSet, definition ? getNamedType(definition.type) : undefined)
      : { cost: 0, schemaFields: 0 };
    const size = listSize(definition, field.arguments ?? [], values);
    return {
      cost: size * (1 + children.cost),
      schemaFields: size * children.schemaFields + (name === SchemaMetaFieldDef.name ? 1 : 0),
    };
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  const { cost, schemaFields } = measureSelectionSet(operation.selectionSet, root);
  return { cost, introspection, schemaFields };
}

function fieldDefinition(
  schema: GraphQLSchema,
  parent: GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined;
}

/** How many items the arguments ask for: a list argument's length, or the page size. */
function listSize(
  definition: GraphQLField<unknown, unknown> | undefined,
  argumentNodes: readonly ArgumentNode[],
  variables: Readonly<Record<string, unknown>>,
): number {
  if (!definition) return 1;
  const returnsList = isListType(getNullableType(definition.type));
  let size = 1;
  for (const argument of definition.args) {
    const node = argumentNodes.find((candidate) => candidate.name.value === argument.name);
    const value = node ? argumentValue(node.value, variables) : argument.defaultValue;
    if (PAGE_ARGUMENTS.has(argument.name)) {
      size = Math.max(size, typeof value === 'number' ? value : value == null ? DEFAULT_PAGE_SIZE : 1);
    } else if (returnsList && isListType(getNullableType(argument.type)) && Array.isArray(value)) {
      size = Math.max(size, value.length);
    }
  }
  return size;
}

/** Just enough of a value to size it: lists as arrays (of placeholders), integers as numbers. */
function argumentValue(node: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.LIST:
      return node.values;
    case Kind.INT:
      return Number.parseInt(node.value, 10);
    case Kind.NULL:
      return null;
    default:
      return undefined;
  }
}
