# Server bodies as real clients send them (issue 10), written after 30-body.sh (which clears
# testdata/body):
#  - testdata/body/sdk: Create/Update VPN Server bodies built from the official Go SDK's model
#    structs and serialised by the SDK's own client (scripts/sdkbodies, a separate Go module
#    requiring github.com/huaweicloud/huaweicloud-sdk-go-v3 v0.1.207; the main module does not);
#  - testdata/body/provider: the Terraform provider's bodies for its documented examples
#    (scripts/sdkbodies/provider.go reimplements the provider's body builder);
#  - testdata/body/*: one fixture per rule of issue 10 (YAML 1.1/1.2 values, wrappers,
#    Update-only fields, client CAs with LOCAL_PASSWORD, SERVICE_SIGN, depth, double escaping).
# Client CA contents embed testdata/pki/root.pem (10-core.sh). Needs the SDK in the module
# cache or a Go module proxy; run alone:
#   TESTDATA=$PWD/testdata bash scripts/gen/55-body-sdk.sh
set -euo pipefail
T=$TESTDATA
B=$T/body
HERE=$(cd "$(dirname "$0")/../sdkbodies" && pwd)
(cd "$HERE" && go run . "$T")

ROOT=$(awk '{ printf "%s\\n", $0 }' "$T/pki/root.pem")
# The same content escaped twice: \\n in the JSON text, so \n (a backslash and n) after decoding.
ROOT_TWICE=$(awk '{ printf "%s\\\\n", $0 }' "$T/pki/root.pem")

# YAML scalars read differently by YAML 1.1 and 1.2; judged as gopkg.in/yaml.v3 reads them.
yaml_port() { # yaml_port NAME PORT
  cat >"$B/$1" <<YAML
vpn_server:
  client_cidr: 172.16.0.0/16
  local_subnets: [10.10.1.0/24]
  server_certificate: {id: scs1717051012106}
  ssl_options:
    protocol: TCP
    port: $2
YAML
}
yaml_port yaml-port-octal.yaml 0443      # 291 to YAML 1.1 (yaml.v3, PyYAML, yq), 443 to 1.2
yaml_port yaml-port-hex.yaml 0x1bb       # 443 to both
yaml_port yaml-port-underscore.yaml 1_194 # 1194 to YAML 1.1, a string to YAML 1.2

# An Update body with the four fields UpdateServerRequest does not have.
cat >"$B/update-not-updatable.json" <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.0/16",
  "server_certificate": {"id": "scs1717051012106", "source": "CCM"},
  "ssl_options": {"port": 1194, "is_compressed": true},
  "client_ca_certificates": []
}}
JSON
case_args "$B/update-not-updatable.json" --role auto --no-zlint --body update

# Client CAs with client_auth_type LOCAL_PASSWORD: the provider refuses it.
cat >"$B/cas-local-password.json" <<JSON
{"vpn_server": {
  "client_cidr": "172.16.0.0/16",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {},
  "client_ca_certificates": [{"name": "ca-main", "content": "$ROOT"}]
}}
JSON

# A client CA content escaped twice (a shell-quoting mistake).
cat >"$B/ca-double-escaped.json" <<JSON
{"vpn_server": {
  "client_cidr": "172.16.0.0/16",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "CERT",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {},
  "client_ca_certificates": [{"name": "ca-main", "content": "$ROOT_TWICE"}]
}}
JSON

# SERVICE_SIGN: no certificate id needed; idp_name is a documented field.
cat >"$B/service-sign.json" <<'JSON'
{"vpn_server": {
  "client_cidr": "172.16.0.0/16",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "FEDERATED",
  "idp_name": "corporate-idp",
  "server_certificate": {"source": "SERVICE_SIGN"},
  "ssl_options": {"protocol": "TCP", "port": 443}
}}
JSON

# JSON nested deeper than 64 levels: too deep, not malformed.
{
  printf '{"vpn_server": {"client_cidr": "172.16.0.0/16", "x_extra": '
  for _ in $(seq 1 70); do printf '['; done
  printf '1'
  for _ in $(seq 1 70); do printf ']'; done
  printf '}}\n'
} >"$B/too-deep.json"

# Bodies in wrappers the API does not take (named explicitly, each is checked as a body).
INNER='{"client_cidr": "172.16.0.0/27", "local_subnets": ["10.10.1.0/24"], "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {}}'
printf '[{"vpn_server": %s}]\n' "$INNER" >"$B/shape-jq-slurp.json"
printf '{"path": {"project_id": "p", "p2c_vgw_id": "g"},\n "body": {"vpn_server": %s}}\n' "$INNER" >"$B/shape-api-explorer.json"
printf '{"vpnServer": %s}\n' "$INNER" >"$B/shape-camel-case.json"
printf '%s\n' "$INNER" >"$B/shape-bare.json"

# A Create body as the SDK sends it by default (no tunnel_protocol, no client CAs) but without
# server_certificate: it could also be an Update body, so --body auto warns (VCL.1223) that a
# Create would be refused with VPN.1100, where --body create reports VPN.1100 itself.
cat >"$TESTDATA/body/ambiguous-no-server-certificate.json" <<'JSON'
{"vpn_server": {"client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"], "ssl_options": {}}}
JSON
