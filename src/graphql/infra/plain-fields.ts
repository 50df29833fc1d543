// What runs per field. type-graphql gives every field a resolver, even one that only reads a property of data
// already loaded, and Apollo wrapped each in its plugins' willResolveField: a 100-node page spent more CPU on those
// wrappers than on its data. Here fields that only read a property are left to graphql-js's default resolver, and
// only the others (those that may load something) check the request's time limit before they start (time-limit.ts).
import { GraphQLInterfaceType, GraphQLObjectType, isIntrospectionType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { getMetadataStorage } from "type-graphql";
import type { GraphQLContext } from "./context";
import { refusal } from "./refusal";

interface FieldMetadata {
  target: Function;
  name: string;
  schemaName: string;
  middlewares?: unknown[];
  roles?: unknown[];
}

/** The @Field declarations each GraphQL object type was built from, by field name (type-graphql's metadata). */
function declaredFields(): Map<string, Map<string, FieldMetadata>> {
  const storage = getMetadataStorage();
  const byClass = new Map<Function, FieldMetadata[]>();
  for (const type of [...storage.objectTypes, ...storage.interfaceTypes]) byClass.set(type.target, (type.fields ?? []) as FieldMetadata[]);
  const byType = new Map<string, Map<string, FieldMetadata>>();
  for (const type of storage.objectTypes) {
    const fields = new Map<string, FieldMetadata>();
    // Its interfaces' fields, its superclasses' and its own, the later overriding, as type-graphql builds them.
    const classes: Function[] = [...(type.interfaceClasses ?? [])];
    for (let cls: Function | null = type.target; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) classes.splice(type.interfaceClasses?.length ?? 0, 0, cls);
    for (const cls of classes) for (const field of byClass.get(cls) ?? []) fields.set(field.schemaName, field);
    byType.set(type.name, fields);
  }
  return byType;
}

/**
 * Whether type-graphql's resolver for a field does nothing but read the property of the same name: no middleware,
 * and no field resolver of its name for the class that declared it, a subclass or a type implementing it (when
 * unsure, the field keeps its resolver).
 */
function propertyReader(): (field: FieldMetadata | undefined) => boolean {
  const storage = getMetadataStorage();
  const resolved = new Map<Function, Set<string>>();
  for (const resolver of storage.fieldResolvers) {
    const cls = resolver.getObjectType?.();
    if (cls) resolved.set(cls, (resolved.get(cls) ?? new Set()).add(resolver.methodName));
  }
  const family = (target: Function) =>
    storage.objectTypes
      .filter((t) => t.target === target || t.target.prototype instanceof (target as never) || t.interfaceClasses?.includes(target))
      .map((t) => t.target)
      .concat(target);
  return (field) => {
    if (!field || field.name !== field.schemaName || field.middlewares?.length || field.roles?.length) return false;
    return !family(field.target).some((cls) => resolved.get(cls)?.has(field.name));
  };
}

/** A resolver that does not start once the request's time is up. */
function inTime(resolve: GraphQLFieldResolver<unknown, GraphQLContext>): GraphQLFieldResolver<unknown, GraphQLContext> {
  return (source, args, context, info) => {
    if (context.timedOut) throw refusal("queryTimeout");
    return resolve(source, args, context, info);
  };
}

/**
 * type-graphql wraps each interface's resolveType in an async function: a promise per node of a list of packages.
 * Ours answer at once, so they are called as they are (a class is turned into its type's name, as type-graphql does).
 */
function syncResolveTypes(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  for (const meta of storage.interfaceTypes) {
    const type = schema.getType(meta.name);
    const resolveType = meta.resolveType;
    if (!(type instanceof GraphQLInterfaceType) || !resolveType) continue;
    type.resolveType = (value, context, info, abstractType) => {
      const resolved = resolveType(value, context, info, abstractType);
      if (!resolved || typeof resolved === "string") return resolved ?? undefined;
      if (typeof resolved === "function") return storage.objectTypes.find((t) => t.target === resolved)?.name;
      throw new Error(`${meta.name}'s resolveType must answer at once`);
    };
  }
}

/** Changes the schema's resolvers in place: plain property reads to the default resolver, the rest within the time limit. */
export function tuneResolvers(schema: GraphQLSchema): GraphQLSchema {
  syncResolveTypes(schema);
  const declared = declaredFields();
  const readsProperty = propertyReader();
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve) continue;
      if (!roots.has(type) && readsProperty(declared.get(type.name)?.get(field.name))) field.resolve = undefined;
      else field.resolve = inTime(field.resolve);
    }
  }
  return schema;
}
