// The shape of an operation: how deep its fields nest, how many root fields
// it has and how many fields in all, aliases and fragment spreads each counted
// as what they expand to. Checked on the parsed document before Apollo
// validates it (edge.ts): validating a document of a thousand aliases costs
// more than refusing it.
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { ERRORS, WharfError } from "../../errors";

export const MAX_DEPTH = 12;
/** Root fields run side by side: each alias is one more resolver holding a database connection. */
export const MAX_ROOT_FIELDS = 20;
/** Field selections, fragments expanded; introspection queries have a few hundred. */
export const MAX_FIELDS = 2000;

interface Shape {
  /** Fields nested, introspection left out. */
  depth: number;
  /** Fields selected directly, through fragments included. */
  width: number;
  /** Fields selected at every level. */
  fields: number;
}

const EMPTY: Shape = { depth: 0, width: 0, fields: 0 };

/**
 * A selection set's shape, fragments expanded. Each fragment's shape is worked out once, so a document that
 * spreads fragments into one another costs time in its size, however large it expands to.
 */
function shapeOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, known: Map<string, Shape>): Shape {
  const shape = { ...EMPTY };
  const add = (inner: Shape) => {
    shape.depth = Math.max(shape.depth, inner.depth);
    shape.width += inner.width;
    shape.fields += inner.fields;
  };
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const inner = selection.selectionSet ? shapeOf(selection.selectionSet, fragments, known) : EMPTY;
      const introspection = selection.name.value.startsWith("__");
      add({ depth: introspection ? 0 : 1 + inner.depth, width: 1, fields: 1 + inner.fields });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      add(shapeOf(selection.selectionSet, fragments, known));
    } else {
      const name = selection.name.value;
      if (!known.has(name)) {
        const fragment = fragments.get(name);
        // Not validated yet: an unknown fragment or a cycle counts as nothing here, and validation refuses it.
        known.set(name, EMPTY);
        known.set(name, fragment ? shapeOf(fragment.selectionSet, fragments, known) : EMPTY);
      }
      add(known.get(name)!);
    }
  }
  return shape;
}

/** The operation a request runs: the one named, or the first (Apollo refuses documents where that is unclear). */
function operationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
}

/** What is wrong with the shape of the operation the request runs, if anything. */
export function shapeProblem(document: DocumentNode, operationName: string | null | undefined): WharfError | undefined {
  const operation = operationOf(document, operationName);
  if (!operation) return undefined;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const shape = shapeOf(operation.selectionSet, fragments, new Map());
  if (shape.depth > MAX_DEPTH) {
    return new WharfError("queryTooDeep", `${ERRORS.queryTooDeep.message} It is ${shape.depth} fields deep; the limit is ${MAX_DEPTH}.`);
  }
  if (shape.width > MAX_ROOT_FIELDS) {
    return new WharfError("queryTooComplex", `${ERRORS.queryTooComplex.message} It has ${shape.width} root fields (aliases count); the limit is ${MAX_ROOT_FIELDS}.`);
  }
  if (shape.fields > MAX_FIELDS) {
    return new WharfError("queryTooComplex", `${ERRORS.queryTooComplex.message} It selects ${shape.fields} fields (fragments expanded); the limit is ${MAX_FIELDS}.`);
  }
  return undefined;
}
