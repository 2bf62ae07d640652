# syntax=docker/dockerfile:1
# Build stage: compile better-sqlite3 from source and, through the prepare script, the TypeScript.
FROM node:24-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts/prepare.mjs ./scripts/
# npm ci compiles better-sqlite3 (from source: no download) and runs `prepare`, which builds dist/.
RUN npm_config_build_from_source=true npm ci --no-audit --no-fund && npm prune --omit=dev

# Run stage: the compiled app and production dependencies. The entrypoint readies /data
# (seed corpus, ownership) as root and runs nashra as the unprivileged node user.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    NASHRA_CORPUS_DIR=/data/corpus \
    NASHRA_DB=/data/nashra.sqlite \
    NASHRA_FEEDS=/data/feeds.txt \
    NASHRA_HTTP_PORT=8080
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY data/corpus /app/seed-corpus
COPY data/feeds.txt /app/seed-feeds.txt
COPY docker-entrypoint.sh /usr/local/bin/nashra-entrypoint
RUN chmod 755 /usr/local/bin/nashra-entrypoint dist/bundle/nashra.js \
    && ln -s /app/dist/bundle/nashra.js /usr/local/bin/nashra \
    && mkdir -p /data && chown node:node /data
VOLUME ["/data"]
EXPOSE 8080
# /healthz answers 200 while the database does; Node's fetch, as the slim image has no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.NASHRA_HTTP_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["nashra-entrypoint"]
CMD ["node", "dist/main.js"]
