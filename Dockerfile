FROM python:3.11-slim
# Pango, HarfBuzz and fonts for WeasyPrint's PDFs.
RUN apt-get update && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-liberation fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml requirements.lock ./
RUN pip install --no-cache-dir -c requirements.lock .
COPY . .
ENV DJANGO_DEBUG=false PYTHONUNBUFFERED=1
RUN useradd --system --home /app roundtable && mkdir -p /srv/roundtable/media /srv/roundtable/static \
    && chown -R roundtable /srv/roundtable
USER roundtable
EXPOSE 8000
# Liveness only: answered before the host check and HTTPS redirect, and without the database.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
# Header limits at gunicorn; bodies over REQUEST_BODY_MAX_BYTES are refused by the app from Content-Length.
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "4", "--limit-request-line", "8190", \
     "--limit-request-fields", "100", "--limit-request-field_size", "8190"]
