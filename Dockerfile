# syntax=docker/dockerfile:1
# Build stage: compile better-sqlite3 from source and the TypeScript sources.
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --build-from-source
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Run stage: the compiled app, production dependencies, a non-root user, data on a volume.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    NASHRA_CORPUS_DIR=/data/corpus \
    NASHRA_DB=/data/nashra.sqlite \
    NASHRA_FEEDS=/data/feeds.txt
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY data/corpus /app/seed-corpus
COPY data/feeds.txt /app/seed-feeds.txt
RUN mkdir -p /data/corpus && cp /app/seed-corpus/*.txt /data/corpus/ && cp /app/seed-feeds.txt /data/feeds.txt && chown -R node:node /data
USER node
VOLUME ["/data"]
CMD ["node", "dist/main.js"]
