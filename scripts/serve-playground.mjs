#!/usr/bin/env node
/**
 * Serves dist/ on localhost over plain HTTP for the playground (no certificates, no
 * Office account) and prints the address to open. Port: PORT, or 8080, or the next
 * free one. Also used by the browser tests: startServer({ port: 0 }) picks a free port.
 */
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../dist", import.meta.url)));

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

async function handle(req, res) {
  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    let path = decodeURIComponent(url.pathname);
    if (path === "/" || path === "/playground") {
      res.writeHead(302, { Location: "/playground/" });
      res.end();
      return;
    }
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end("Forbidden");
      return;
    }
    const info = await stat(file).catch(() => undefined);
    if (!info || !info.isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${path}`);
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch (error) {
    res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end(String(error));
  }
}

function listen(server, port) {
  return new Promise((resolveListen, reject) => {
    const onError = (error) => {
      server.off("listening", onListening);
      reject(error);
    };
    const onListening = () => {
      server.off("error", onError);
      resolveListen(server.address().port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, "127.0.0.1");
  });
}

/** Starts the server on `port` (0: any free port), trying the next ports if it is taken. */
export async function startServer({ port = 8080, tries = 20 } = {}) {
  const server = createServer(handle);
  for (let i = 0; ; i++) {
    try {
      const bound = await listen(server, port === 0 ? 0 : port + i);
      return { server, port: bound, url: `http://localhost:${bound}/playground/` };
    } catch (error) {
      if (error.code !== "EADDRINUSE" || port === 0 || i + 1 >= tries) throw error;
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const missing = await stat(join(root, "playground", "index.html")).then(
    () => false,
    () => true,
  );
  if (missing) {
    console.error('dist/playground is missing: run "npm run build" first (npm run playground does both).');
    process.exit(1);
  }
  const wanted = process.env.PORT ? Number(process.env.PORT) : 8080;
  const { url } = await startServer({ port: wanted });
  console.log(`Retain playground: open ${url}  (Ctrl+C to stop)`);
}
