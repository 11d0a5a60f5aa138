/**
 * A typed client of the Lucky Gas platform API: the paths, bodies and answers of api/openapi.json
 * (generated into ./schema.d.ts by openapi-typescript), called with openapi-fetch.
 *
 *   const api = luckyGasClient({ baseUrl: "http://localhost:8080" });
 *   const { data } = await api.POST("/api/auth/login", { body: { username, password } });
 *   api.setToken(data?.accessToken);
 *   const { data: card } = await api.GET("/api/cards/customers/{customerId}", { params: { path: { customerId: 12 } } });
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths };
/** Every error of the platform: RFC 9457 problem+json, with the invalid fields named. */
export type Problem = components["schemas"]["Problem"];

export interface LuckyGasClient extends Client<paths> {
  /** The access token sent as `Authorization: Bearer …` from now on (undefined: none). */
  setToken(token: string | undefined): void;
}

export function luckyGasClient(options: { baseUrl: string; fetch?: typeof fetch }): LuckyGasClient {
  let token: string | undefined;
  const bearer: Middleware = {
    onRequest({ request }) {
      if (token !== undefined) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      return request;
    },
  };
  const client = createClient<paths>({ baseUrl: options.baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  client.use(bearer);
  return Object.assign(client, {
    setToken(value: string | undefined) {
      token = value;
    },
  });
}
