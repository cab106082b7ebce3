#!/usr/bin/env bash
# Builds the Teams app package: manifest.json with the ids filled in, plus the two icons, zipped flat
# (Teams resolves icon paths relative to the manifest, so the files sit at the zip's root).
#
# Required environment:
#   MICROSOFT_APP_ID       the Azure Bot's Microsoft App ID (GUID) - same value as the bot's MicrosoftAppId setting
#   BOT_DOMAIN             the bot's public host name, e.g. bot.contoso.com (no scheme, no path)
#   DEVELOPER_NAME, DEVELOPER_WEBSITE_URL, DEVELOPER_PRIVACY_URL, DEVELOPER_TERMS_URL   (https URLs)
# Optional:
#   TEAMS_APP_ID           the Teams app id (GUID); defaults to MICROSOFT_APP_ID
#   OUTPUT                 the zip to write; defaults to artifacts/teams/netsuite-onboarding.zip in the repository
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
output="$(realpath -m "${OUTPUT:-$repo/artifacts/teams/netsuite-onboarding.zip}")"
guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'

fail() { echo "build-package.sh: $*" >&2; exit 1; }
require() { [[ -n "${!1:-}" ]] || fail "set $1 ($2)"; }

require MICROSOFT_APP_ID "the Azure Bot's app id, a GUID"
require BOT_DOMAIN "the bot's public host name, e.g. bot.contoso.com"
require DEVELOPER_NAME "the publisher's name, at most 32 characters"
require DEVELOPER_WEBSITE_URL "https://..."
require DEVELOPER_PRIVACY_URL "https://..."
require DEVELOPER_TERMS_URL "https://..."
TEAMS_APP_ID="${TEAMS_APP_ID:-$MICROSOFT_APP_ID}"

[[ "$MICROSOFT_APP_ID" =~ $guid ]] || fail "MICROSOFT_APP_ID must be a GUID"
[[ "$TEAMS_APP_ID" =~ $guid ]] || fail "TEAMS_APP_ID must be a GUID"
[[ "$BOT_DOMAIN" =~ ^[A-Za-z0-9.*-]+(:[0-9]+)?$ ]] || fail "BOT_DOMAIN must be a host name without scheme or path"
(( ${#DEVELOPER_NAME} <= 32 )) || fail "DEVELOPER_NAME must be at most 32 characters"
for url in DEVELOPER_WEBSITE_URL DEVELOPER_PRIVACY_URL DEVELOPER_TERMS_URL; do
  [[ "${!url}" == https://* ]] || fail "$url must start with https://"
done

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

# jq substitutes as JSON strings, so a value with quotes or backslashes cannot break the manifest.
jq --arg appId "$TEAMS_APP_ID" --arg botId "$MICROSOFT_APP_ID" --arg domain "$BOT_DOMAIN" \
   --arg devName "$DEVELOPER_NAME" --arg web "$DEVELOPER_WEBSITE_URL" --arg privacy "$DEVELOPER_PRIVACY_URL" --arg terms "$DEVELOPER_TERMS_URL" '
  .id = $appId
  | .developer = { name: $devName, websiteUrl: $web, privacyUrl: $privacy, termsOfUseUrl: $terms }
  | .bots[0].botId = $botId
  | .validDomains = [$domain]
' "$here/manifest.json" > "$staging/manifest.json"

if grep -q '{{' "$staging/manifest.json"; then
  fail "a {{placeholder}} in manifest.json has no value: $(grep -o '{{[A-Z_]*}}' "$staging/manifest.json" | sort -u | tr '\n' ' ')"
fi

cp "$here/color.png" "$here/outline.png" "$staging/"
mkdir -p "$(dirname "$output")"
rm -f "$output"
(cd "$staging" && zip -q -X "$output" manifest.json color.png outline.png)
echo "$output"
