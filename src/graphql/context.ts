import type { ServiceContext } from "../services/context";

/** A GraphQL request's context is the services' context. */
export type GraphQLContext = ServiceContext;
