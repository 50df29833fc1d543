// openapi.yaml is loaded in quick mode at start (validators compiled lazily, the document not checked): it is checked
// here instead, whole, as openapi-backend's strict mode does.
import path from "node:path";
import OpenAPIBackend from "openapi-backend";

it("openapi.yaml is a valid OpenAPI document", async () => {
  const api = new OpenAPIBackend({ definition: path.join(__dirname, "..", "openapi.yaml"), strict: true, quick: false, ajvOpts: { strict: false } });
  await expect(api.init()).resolves.toBe(api);
  expect(() => api.validateDefinition()).not.toThrow();
  expect(api.router.getOperations().length).toBeGreaterThan(10);
});
