# syntax=docker/dockerfile:1
# DocuVault: one image for the web process and the worker (compose.yaml runs both).

FROM denoland/deno:2.9.6 AS build
WORKDIR /app
ENV DENO_NO_UPDATE_CHECK=1
# Dependencies first, in their own layer: rebuilt only when deno.json or deno.lock change.
COPY deno.json deno.lock ./
RUN deno install --frozen
COPY . .
# Route manifest and browser assets (content-hashed bundles), then a type check.
RUN deno task build && deno check main.ts workers/main.ts tasks/migrate.ts

FROM denoland/deno:2.9.6
WORKDIR /app
ENV DENO_NO_UPDATE_CHECK=1 \
    DENO_NO_PROMPT=1 \
    HOST=0.0.0.0 \
    PORT=8000 \
    DATA_DIR=/data
COPY --from=build --chown=deno:deno /app /app
RUN mkdir -p /data && chown deno:deno /data
USER deno
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["deno", "eval", "const r = await fetch(`http://127.0.0.1:${Deno.env.get('PORT') ?? 8000}/health`); Deno.exit(r.ok ? 0 : 1)"]
# --cached-only: everything was installed at build time; never fetch at run time.
CMD ["deno", "run", "--cached-only", "--allow-net", "--allow-read", "--allow-write", "--allow-env", "--allow-sys", "--allow-run", "main.ts"]
