import { WharfError } from "../../errors";

/** GraphQL answers null for a missing object, where REST answers 404. */
export async function orNull<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (err) {
    if (err instanceof WharfError && err.status === 404) return null;
    throw err;
  }
}
