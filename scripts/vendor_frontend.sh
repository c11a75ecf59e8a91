#!/usr/bin/env bash
# Refresh the vendored front-end files in static/vendor from pinned npm packages.
# Run it after changing a version below; commit what it writes. Nothing is built at run time.
set -euo pipefail
GOVUK_FRONTEND=6.6.0
HTMX=2.0.11
AXE_CORE=4.11.4

here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "govuk-frontend@$GOVUK_FRONTEND" "htmx.org@$HTMX" "axe-core@$AXE_CORE" >/dev/null
for tgz in *.tgz; do mkdir -p "${tgz%.tgz}" && tar -xzf "$tgz" -C "${tgz%.tgz}"; done

out="$here/static/vendor"
rm -rf "$out" && mkdir -p "$out/govuk-frontend" "$out/htmx" "$out/axe-core"
dist=govuk-frontend-$GOVUK_FRONTEND/package/dist/govuk
cp "$dist/govuk-frontend.min.js" "$out/govuk-frontend/"
# The GDS Transport typeface and the crown belong to central government only:
# drop the @font-face rules and the font name so pages fall back to the system sans-serif.
python3 - "$dist/govuk-frontend.min.css" "$out/govuk-frontend/govuk-frontend.min.css" <<'PY'
import re, sys
css = open(sys.argv[1], encoding="utf-8").read()
css = re.sub(r"@font-face\{[^}]*\}", "", css)
css = css.replace('"GDS Transport",', "").replace("GDS Transport,", "")
css = css.replace("url(/assets/images/govuk-crest.svg)", "none")
css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
open(sys.argv[2], "w", encoding="utf-8").write(css)
PY
cp htmx.org-$HTMX/package/dist/htmx.min.js "$out/htmx/"
cp axe-core-$AXE_CORE/package/axe.min.js "$out/axe-core/"
cat > "$out/VERSIONS" <<TXT
govuk-frontend $GOVUK_FRONTEND (MIT; fonts and crown removed)
htmx.org $HTMX (0BSD)
axe-core $AXE_CORE (MPL-2.0; used only by the browser tests)
TXT
echo "vendored into $out"
