// Single sign-on with an OpenID provider: the authorization code flow with
// PKCE, through openid-client (a certified relying party). What the provider
// says of a person becomes a Wharf user in oidc-users.ts.
import type { OidcConfig } from "../../config";
import { WharfError } from "../../errors";
import type { Logger } from "../../logger";

type OpenIdClient = typeof import("openid-client", { with: { "resolution-mode": "import" } });
type Configuration = import("openid-client", { with: { "resolution-mode": "import" } }).Configuration;

/** What the browser carries (in a short-lived cookie) from the start of a sign-in to its callback. */
export interface PendingSignOn {
  state: string;
  nonce: string;
  verifier: string;
  /** Where to go once signed in: a path on this Wharf. */
  next: string;
}

/** What the provider says of the person: the claims of the ID token and of userinfo. */
export interface ProviderProfile {
  issuer: string;
  subject: string;
  preferredUsername?: string;
  name?: string;
  email?: string;
  groups: string[];
}

/** A path on this Wharf to return to; anything else (another origin, "//host") is "/". */
export function safeNext(next: unknown): string {
  return typeof next === "string" && /^\/(?![/\\])/.test(next) && !/[\u0000-\u001f]/.test(next) ? next : "/";
}

export class SingleSignOn {
  private configuration?: Promise<Configuration>;
  private client?: Promise<OpenIdClient>;

  constructor(
    private readonly settings: OidcConfig,
    /** Where the provider sends the browser back: <PUBLIC_URL>/auth/oidc/callback, registered with the provider. */
    readonly redirectUri: string,
    private readonly log: Logger,
  ) {}

  /** openid-client is an ES module: loaded once, when first needed. */
  private openid(): Promise<OpenIdClient> {
    return (this.client ??= import("openid-client"));
  }

  /** The provider's metadata, discovered at the first sign-in (a provider that is down then does not stop Wharf from starting). */
  private async discovered(): Promise<{ openid: OpenIdClient; configuration: Configuration }> {
    const openid = await this.openid();
    const { issuer, clientId, clientSecret } = this.settings;
    this.configuration ??= openid.discovery(
      new URL(issuer),
      clientId,
      { client_secret: clientSecret },
      openid.ClientSecretBasic(clientSecret),
      // config.ts allows http only for a provider on a loopback address.
      new URL(issuer).protocol === "http:" ? { execute: [openid.allowInsecureRequests] } : undefined,
    );
    try {
      return { openid, configuration: await this.configuration };
    } catch (err) {
      this.configuration = undefined; // try again at the next sign-in
      this.log.warn("single sign-on: the provider's discovery failed", { issuer, error: String(err) });
      throw new WharfError("ssoUnavailable");
    }
  }

  /** Where to send the browser to sign in at the provider, and what to remember until it comes back. */
  async begin(next: string): Promise<{ url: string; pending: PendingSignOn }> {
    const { openid, configuration } = await this.discovered();
    const pending = { state: openid.randomState(), nonce: openid.randomNonce(), verifier: openid.randomPKCECodeVerifier(), next: safeNext(next) };
    const url = openid.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.settings.staffGroup ? "openid profile email groups" : "openid profile email",
      code_challenge: await openid.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: "S256",
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /** The person the provider signed in, from the callback's URL (with its code and state). */
  async complete(callbackUrl: URL, pending: PendingSignOn): Promise<ProviderProfile> {
    const { openid, configuration } = await this.discovered();
    try {
      const tokens = await openid.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      // Providers put profile claims in the ID token or only in userinfo (oidc-provider's default): ask userinfo too.
      const userinfo = await openid.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      const all: Record<string, unknown> = { ...claims, ...userinfo };
      const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
      return {
        issuer: String(claims.iss),
        subject: claims.sub,
        preferredUsername: text(all.preferred_username),
        name: text(all.name),
        email: text(all.email),
        groups: Array.isArray(all.groups) ? all.groups.filter((g): g is string => typeof g === "string") : [],
      };
    } catch (err) {
      this.log.warn("single sign-on: the callback was refused", { error: String(err) });
      const reason = (err as { error?: string; error_description?: string }).error;
      throw new WharfError("ssoFailed", reason ? `${new WharfError("ssoFailed").message} The provider answered: ${reason}.` : undefined);
    }
  }
}
