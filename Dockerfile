# The shoebox app (web and Slack) for ECS Fargate. Build: docker build -t shoebox .
# No secret is ever copied or passed in: ECS injects them from Secrets Manager when a task starts.

# 1. Production dependencies only, with the toolchain native modules may need.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# 2. The runtime: Debian's DejaVu fonts for the charts, RDS's CA bundle so the ledger connection
#    can verify the server (sslmode=verify-full), the sources (tsx runs them), a non-root user.
FROM node:20-bookworm-slim AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-dejavu-core ca-certificates \
  && rm -rf /var/lib/apt/lists/*
ADD --chmod=644 https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem /etc/ssl/certs/rds-global-bundle.pem
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
ENV NODE_ENV=production \
    SHOEBOX_HOME=/tmp/shoebox \
    NODE_EXTRA_CA_CERTS=/etc/ssl/certs/rds-global-bundle.pem
# The image's files stay root-owned and read-only to the app; it writes only under /tmp.
USER node
EXPOSE 3000
CMD ["node", "bin/shoebox.js", "serve", "--host", "0.0.0.0", "--port", "3000"]
