// Scope, package and login names: jsr's alphabet and lengths.
import { nameProblem } from "../../src/services/shared/names";

it.each(["ab", "a-b", "abc123", "x".repeat(20)])("takes the scope name %j", (name) => {
  expect(nameProblem("scope", name)).toBeUndefined();
});

it.each(["a", "Upper", "-lead", "trail-", "dou--ble", "under_score", "x".repeat(21)])("refuses the scope name %j", (name) => {
  expect(nameProblem("scope", name)).toEqual(expect.any(String));
});
