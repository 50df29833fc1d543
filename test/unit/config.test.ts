// The environment, parsed once at start: a bad value names itself.
import { ConfigError, parseConfig } from "../../src/config";

it("has defaults for everything", () => {
  const config = parseConfig({});
  expect(config).toMatchObject({ port: 8080, host: "127.0.0.1", logLevel: "info" });
});

it("refuses bad values, naming them", () => {
  expect(() => parseConfig({ PORT: "eighty" })).toThrow(ConfigError);
  expect(() => parseConfig({ PORT: "eighty" })).toThrow(/PORT/);
  expect(() => parseConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
});
