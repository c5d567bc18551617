// Bytes a browser transfers for a page: the HTML and the stylesheets and scripts it loads,
// gzip-compressed as the server sends them, headers included (counted off the socket).
import { request } from "node:http";
import { gunzipSync } from "node:zlib";

/** Bytes read off the wire for one GET (headers and compressed body) and its status. */
function transferred(
  url: string,
  headers: Record<string, string>,
): Promise<{ bytes: number; status: number; body: Buffer; gzip: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { ...headers, "accept-encoding": "gzip" }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          bytes: res.socket?.bytesRead ?? 0,
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks),
          gzip: res.headers["content-encoding"] === "gzip",
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** The stylesheets and scripts an HTML page asks for. */
export function pageAssets(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    if (/rel="?stylesheet/.test(tag)) {
      const href = /href="([^"]+)"/.exec(tag)?.[1];
      if (href) found.add(href);
    }
  }
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) if (m[1]) found.add(m[1]);
  return [...found];
}

/** What one page costs to load. */
export type PageWeight = {
  path: string;
  status: number;
  htmlBytes: number;
  assetBytes: number;
  total: number;
  gzip: boolean;
};

/** Loads a page like a first visit (no cache): the HTML and every stylesheet and script on it. */
export async function pageWeight(baseUrl: string, path: string, headers: Record<string, string>): Promise<PageWeight> {
  const page = await transferred(`${baseUrl}${path}`, headers);
  const html = (page.gzip ? gunzipSync(page.body) : page.body).toString("utf8");
  let assetBytes = 0;
  for (const asset of pageAssets(html)) {
    const r = await transferred(new URL(asset, `${baseUrl}${path}`).href, headers);
    assetBytes += r.bytes;
  }
  return {
    path,
    status: page.status,
    htmlBytes: page.bytes,
    assetBytes,
    total: page.bytes + assetBytes,
    gzip: page.gzip,
  };
}
