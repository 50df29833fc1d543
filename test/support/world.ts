// Per-file test setup: one Wharf for the file, and helpers that make the
// users and names each test needs, so that no test depends on another's.
import { randomBytes } from "node:crypto";
import { client, graphql, type Client } from "./client";
import { restClient, type RestClient } from "./rest";
import { startWharf, type WharfProcess } from "./server";

export interface TestUser {
  id: string;
  login: string;
  token: string;
  api: Client;
  /** The same user through the typed client. */
  rest: RestClient;
}

export interface World {
  server: WharfProcess;
  anonymous: Client;
  admin: Client;
  /** Anonymous, through the typed client. */
  rest: RestClient;
  /** The typed client with this token. */
  restAs(token: string): RestClient;
  /** A new user, with a token, made through the staff-only GraphQL mutation. */
  user(prefix?: string, options?: { isStaff?: boolean }): Promise<TestUser>;
}

/** A name no other test uses: lowercase letters and digits, starting with a letter. */
export function uniqueName(prefix = "t"): string {
  return `${prefix}${randomBytes(4).toString("hex")}`.slice(0, 20);
}

/** Starts a Wharf before the file's tests and removes it after them. */
export function useWharf(env: Record<string, string> = {}): World {
  const world = {} as World;
  beforeAll(async () => {
    world.server = await startWharf(env);
    const url = () => world.server.url;
    world.anonymous = client(url);
    world.admin = client(url, world.server.adminToken);
    world.rest = restClient(url);
    world.restAs = (token) => restClient(url, token);
    world.user = async (prefix = "u", options = {}) => {
      const login = uniqueName(prefix);
      const res = await graphql(
        world.server.url,
        `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id login } token } }`,
        { input: { login, name: `Test ${login}`, isStaff: options.isStaff ?? false } },
        world.server.adminToken,
      );
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      const { user, token } = res.data.createUser;
      return { id: user.id, login: user.login, token, api: client(url, token), rest: restClient(url, token) };
    };
  });
  afterAll(async () => {
    await world.server?.destroy();
  });
  return world;
}
