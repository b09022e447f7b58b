/** The stub over HTTP: Express routes onto the portal, problem+json, OpenAPI. */
export { createApp, type AppOptions } from './app';
export { startServer, type ServerOptions, type RunningServer } from './server';
export { ROUTES, type Route } from './routes';
export { buildOpenApi } from './openapi';
