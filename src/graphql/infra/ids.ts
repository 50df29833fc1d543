// ID arguments naming users and tokens are UUIDs: anything else is the
// caller's mistake, said before the database is asked (which would fail).
import { malformed } from "../../errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuidArgument(name: string, value: string): string {
  if (!UUID.test(value)) throw malformed(`${name} is not an id Wharf gave out`);
  return value;
}
