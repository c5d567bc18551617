import type { FastifyReply } from "fastify";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { ViewerContext } from "./views/viewer.js";

/** Sends a server-rendered page as a complete HTML document, with the signed-in viewer for the header. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  const html = renderToString(<ViewerContext.Provider value={reply.request.viewer}>{page}</ViewerContext.Provider>);
  return reply.status(status).type("text/html; charset=utf-8").send(`<!doctype html>${html}`);
}
