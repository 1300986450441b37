import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule, validate } from 'graphql';
import { type LimitName, MAX_SCHEMA_FIELDS, type QueryLimits } from './config.ts';
import { operationCost } from './cost.ts';

export interface LimitCheck {
  cost: number;
  introspection: boolean;
  /** The first limit the operation crossed, if any. */
  exceeded?: { limit: LimitName; maximum: number };
}

/**
 * Armor's verdicts per parsed document. Apollo's document store hands out the same DocumentNode for
 * every request with the same query (or trusted-document id), so depth, aliases and directives —
 * which do not depend on variables — are walked once per document, not once per request (a CPU
 * profile of the gateway showed this walk as its largest GraphQL cost under load).
 */
const armorVerdicts = new WeakMap<QueryLimits, WeakMap<GraphQLSchema, WeakMap<DocumentNode, { exceeded?: LimitCheck['exceeded'] }>>>();

function armorVerdict(schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits): LimitCheck['exceeded'] {
  let bySchema = armorVerdicts.get(limits);
  if (!bySchema) {
    bySchema = new WeakMap();
    armorVerdicts.set(limits, bySchema);
  }
  let byDocument = bySchema.get(schema);
  if (!byDocument) {
    byDocument = new WeakMap();
    bySchema.set(schema, byDocument);
  }
  let verdict = byDocument.get(document);
  if (!verdict) {
    verdict = { exceeded: runArmor(schema, document, limits) };
    byDocument.set(document, verdict);
  }
  return verdict.exceeded;
}

/**
 * Depth, aliases and directives by GraphQL Armor's rules (each memoises fragments, so linear in the
 * document; the verdict is kept per document), then the list-aware cost. Runs per request, after
 * the document has been parsed and validated (both cached by Apollo), because the cost depends on
 * the variables.
 */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  limits: QueryLimits,
): LimitCheck {
  let exceeded = armorVerdict(schema, document, limits);
  const { cost, introspection, schemaFields } = operationCost(schema, document, operation, variables);
  if (!exceeded && cost > limits.maxCost) exceeded = { limit: 'cost', maximum: limits.maxCost };
  if (!exceeded && schemaFields > MAX_SCHEMA_FIELDS) exceeded = { limit: 'introspection', maximum: MAX_SCHEMA_FIELDS };
  return exceeded ? { cost, introspection, exceeded } : { cost, introspection };
}

function runArmor(schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits): LimitCheck['exceeded'] {
  let exceeded: LimitCheck['exceeded'];
  const refuse = (limit: LimitName, maximum: number) => [
    () => {
      exceeded ??= { limit, maximum };
    },
  ];
  const rules: ValidationRule[] = [
    maxDepthRule({
      n: limits.maxDepth,
      // Fragments are not a level of the response; introspection is (200 `__schema` must not pass).
      flattenFragments: true,
      ignoreIntrospection: false,
      propagateOnRejection: false,
      onReject: refuse('depth', limits.maxDepth),
    }),
    // Every alias counts, `__typename` too (Armor's default allows those).
    maxAliasesRule({ n: limits.maxAliases, allowList: [], propagateOnRejection: false, onReject: refuse('aliases', limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, propagateOnRejection: false, onReject: refuse('directives', limits.maxDirectives) }),
  ];
  validate(schema, document, rules);
  return exceeded;
}
