import express, { type Express } from 'express';

/**
 * A bare Express 5 JSON echo, the ceiling a stub built on Express can reach: any method and
 * path, so a load generator can send it the very requests it sends the stub.
 */
export function echoApp(): Express {
  const app = express();
  app.use(express.json(), (req, res) => { res.json(req.body ?? {}); });
  return app;
}
