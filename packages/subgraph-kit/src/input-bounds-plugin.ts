import SchemaBuilder, {
  BasePlugin,
  type FieldRequiredness,
  type InputType,
  type PothosInputFieldConfig,
  type PothosInputFieldType,
  type SchemaTypes,
} from '@pothos/core';
import {
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLResolveInfo,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { badUserInput } from './errors.ts';
import {
  checkText,
  DEFAULT_ID_BOUNDS,
  DEFAULT_MAX_ITEMS,
  DEFAULT_STRING_BOUNDS,
  describeBounds,
  isStorableNumber,
  MAX_FLOAT_INPUT,
  requireStorableNumber,
  type TextBounds,
  textError,
} from './input-bounds.ts';

/**
 * `bounds` on an argument or input field: its text limits, or 'unchecked' for the rare argument
 * whose resolver answers any text itself (checkUscc reports a bad code as data, never as an error).
 */
export type InputBoundsOption = TextBounds | 'unchecked';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputBounds: InputBoundsPlugin<Types>;
    }
    export interface InputFieldOptions<
      Types extends SchemaTypes = SchemaTypes,
      Type extends InputType<Types> | [InputType<Types>] = InputType<Types> | [InputType<Types>],
      Req extends FieldRequiredness<Type> = FieldRequiredness<Type>,
    > {
      /** Length, line and list limits of this text input (default 2 000 characters, one line, 100 items). */
      bounds?: InputBoundsOption;
    }
  }
}

const EXTENSION = 'inputBounds';

interface FieldBounds {
  text: TextBounds | 'unchecked';
  maxItems: number;
}

/**
 * Checks every String and ID argument and input field (at any depth, in lists too) against its
 * declared bounds before the resolver runs — before auth, loaders or SQL see the value — and
 * refuses with BAD_USER_INPUT naming the path (`input.name`, `usccs[3]`) and the reason. Limits
 * are written into each field's description, so GraphiQL and the SDL show them.
 */
export class InputBoundsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onInputFieldConfig(fieldConfig: PothosInputFieldConfig<Types>): PothosInputFieldConfig<Types> {
    const declared = fieldConfig.pothosOptions.bounds;
    const { scalar, list } = this.textScalarOf(fieldConfig.type);
    if (scalar === 'Float') {
      return {
        ...fieldConfig,
        description: [fieldConfig.description, `At most ${MAX_FLOAT_INPUT} in magnitude.`].filter(Boolean).join(' '),
      };
    }
    if (!scalar && !list) return fieldConfig;
    const defaults = scalar === 'ID' ? DEFAULT_ID_BOUNDS : DEFAULT_STRING_BOUNDS;
    // scalar is String or ID here, or null for a list of enums or input objects.
    const text = declared ?? defaults;
    const bounds: FieldBounds = {
      text: scalar ? text : 'unchecked',
      maxItems: (typeof declared === 'object' ? declared.maxItems : undefined) ?? DEFAULT_MAX_ITEMS,
    };
    const sentence =
      scalar && text !== 'unchecked'
        ? describeBounds({ ...text, maxItems: bounds.maxItems }, list)
        : list
          ? `At most ${bounds.maxItems} items.`
          : '';
    return {
      ...fieldConfig,
      description: [fieldConfig.description, sentence].filter(Boolean).join(' '),
      extensions: { ...fieldConfig.extensions, [EXTENSION]: bounds },
    };
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: Parameters<BasePlugin<Types>['wrapResolve']>[1],
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (Object.keys(fieldConfig.args).length === 0) return resolver;
    return (parent, args, context, info) => {
      checkArguments(args as Record<string, unknown>, info);
      return resolver(parent, args, context, info);
    };
  }

  /** Which text scalar (String or ID) the field holds, and whether in a list. */
  private textScalarOf(type: PothosInputFieldType<Types>): { scalar: 'String' | 'ID' | 'Float' | null; list: boolean } {
    if (type.kind === 'List') {
      const item = this.textScalarOf(type.type).scalar;
      return { scalar: item === 'Float' ? null : item, list: true };
    }
    if (type.kind !== 'Scalar') return { scalar: null, list: false };
    const name = typeof type.ref === 'string' ? type.ref : this.buildCache.getTypeConfig(type.ref).name;
    return { scalar: name === 'String' || name === 'ID' || name === 'Float' ? name : null, list: false };
  }
}

function checkArguments(args: Record<string, unknown>, info: GraphQLResolveInfo): void {
  const field = info.parentType.getFields()[info.fieldName];
  for (const argument of field?.args ?? []) checkValue(args[argument.name], argument.type, boundsOf(argument), [argument.name]);
}

const boundsOf = (field: GraphQLArgument | GraphQLInputField) => field.extensions?.[EXTENSION] as FieldBounds | undefined;

/** An input object's fields with their bounds, read once per type: a batch import checks 500 objects a call. */
const fieldsOfType = new WeakMap<GraphQLInputObjectType, { name: string; type: GraphQLInputType; bounds: FieldBounds | undefined }[]>();

function inputFieldsOf(type: GraphQLInputObjectType) {
  let fields = fieldsOfType.get(type);
  if (!fields) {
    fields = Object.values(type.getFields()).map((field) => ({ name: field.name, type: field.type, bounds: boundsOf(field) }));
    fieldsOfType.set(type, fields);
  }
  return fields;
}

/** `inputs[3].uscc` from the keys walked so far; only built for an error. */
const pathText = (keys: readonly (string | number)[]) =>
  keys.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key), '');

/**
 * Checks `value` against `type` and its bounds. `keys` is the path walked so far (argument name,
 * field names, list indexes), pushed and popped as the walk goes: a batch of 500 inputs has ~10 000
 * values, and the path text is only needed for the one that fails.
 */
function checkValue(value: unknown, type: GraphQLInputType, bounds: FieldBounds | undefined, keys: (string | number)[]): void {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const items = Array.isArray(value) ? value : [value];
    const maxItems = bounds?.maxItems ?? DEFAULT_MAX_ITEMS;
    if (items.length > maxItems) {
      const path = pathText(keys);
      throw badUserInput(`${path}: at most ${maxItems} items, got ${items.length} (超出数量限制)`, {
        field: path,
        reason: 'TOO_MANY',
        maxItems,
      });
    }
    for (let index = 0; index < items.length; index++) {
      keys.push(index);
      checkValue(items[index], inner.ofType, bounds, keys);
      keys.pop();
    }
  } else if (isInputObjectType(inner)) {
    for (const field of inputFieldsOf(inner)) {
      keys.push(field.name);
      checkValue((value as Record<string, unknown>)[field.name], field.type, field.bounds, keys);
      keys.pop();
    }
  } else if (isScalarType(inner) && inner.name === 'Float' && typeof value === 'number') {
    // Here and below, the path is written out only for a value that fails.
    if (!isStorableNumber(value)) requireStorableNumber(value, pathText(keys));
  } else if (isScalarType(inner) && (inner.name === 'String' || inner.name === 'ID') && typeof value === 'string') {
    const text = bounds?.text ?? (inner.name === 'ID' ? DEFAULT_ID_BOUNDS : DEFAULT_STRING_BOUNDS);
    if (text === 'unchecked') return;
    const problem = checkText(value, text);
    if (problem) throw textError(problem, pathText(keys), text);
  }
}

SchemaBuilder.registerPlugin('inputBounds', InputBoundsPlugin);

export default 'inputBounds' as const;
