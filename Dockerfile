# The app alone; Neo4j comes from docker-compose.yml (NEO4J_URI is set there, so no local Neo4j starts).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
CMD ["npx", "tsx", "scripts/start.ts"]
