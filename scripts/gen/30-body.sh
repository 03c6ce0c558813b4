# Server body fixtures (testdata/body): Create/Update VPN Server request bodies in JSON and
# YAML, one per rule, combinations and valid bodies. Client CA contents embed PEM made by
# 10-core.sh (testdata/pki, testdata/ca, testdata/format), so this needs no key of its own:
# run it after 10-core.sh, or alone (TESTDATA=$PWD/testdata WORK=$(mktemp -d) bash scripts/gen/30-body.sh).
set -euo pipefail
T=$TESTDATA
B=$T/body
clean_fixtures "$B"
mkdir -p "$B"

# json_pem FILE: the file as a JSON string body (newlines as \n), without quotes.
json_pem() { awk '{ printf "%s\\n", $0 }' "$1"; }
# crlf_pem FILE: the same with CR LF line endings (\r\n).
crlf_pem() { awk '{ printf "%s\\r\\n", $0 }' "$1"; }
# yaml_pem FILE INDENT: the file as the lines of a YAML block scalar.
yaml_pem() { sed "s/^/$2/" "$1"; }

ROOT=$(json_pem "$T/pki/root.pem")
OTHER=$(json_pem "$T/pki/other-ca.pem")

# body NAME: writes stdin to $B/NAME with @ROOT@, @OTHER@ and @FILE:path@ replaced by the
# JSON-escaped PEM of those files.
body() {
  local s
  s=$(cat)
  s=${s//@ROOT@/"$ROOT"}
  s=${s//@OTHER@/"$OTHER"}
  while [[ $s =~ @FILE:([^@]+)@ ]]; do
    local f=${BASH_REMATCH[1]}
    s=${s//"@FILE:$f@"/"$(json_pem "$T/$f")"}
  done
  printf '%s\n' "$s" >"$B/$1"
}

## Valid bodies: no findings.
body valid-create.json <<'JSON'
{
  "vpn_server": {
    "tunnel_protocol": "SSL",
    "client_cidr": "172.16.0.0/26",
    "local_subnets": ["10.10.1.0/24", "10.10.2.0/24"],
    "client_auth_type": "CERT",
    "server_certificate": {"id": "scs1717051012106", "source": "CCM"},
    "client_ca_certificates": [
      {"name": "ca-main", "content": "@ROOT@"},
      {"name": "ca_other", "content": "@OTHER@"}
    ],
    "ssl_options": {"protocol": "TCP", "port": 443, "encryption_algorithm": "AES-128-GCM", "is_compressed": false},
    "dns_servers": ["100.125.1.250", "100.125.21.250"]
  }
}
JSON
case_args "$B/valid-create.json" --role auto --no-zlint --max-connections 10 --vpc-route 10.0.0.0/16

{
  cat <<'YAML'
# The YAML form of valid-create.json.
vpn_server:
  tunnel_protocol: SSL
  client_cidr: 172.16.0.0/26
  local_subnets:
    - 10.10.1.0/24
    - 10.10.2.0/24
  client_auth_type: CERT
  server_certificate:
    id: scs1717051012106
    source: CCM
  client_ca_certificates:
    - name: ca-main
      content: |
YAML
  yaml_pem "$T/pki/root.pem" "        "
  cat <<'YAML'
    - name: ca_other
      content: |
YAML
  yaml_pem "$T/pki/other-ca.pem" "        "
  cat <<'YAML'
  ssl_options:
    protocol: TCP
    port: 1194
    encryption_algorithm: AES-256-GCM
    is_compressed: false
  dns_servers: [100.125.1.250]
YAML
} >"$B/valid-create.yaml"
case_args "$B/valid-create.yaml" --role auto --no-zlint --max-connections 10 --vpc-route 10.0.0.0/16

subnets() { # subnets N: N distinct /24 blocks as a JSON list
  local i out=""
  for ((i = 1; i <= $1; i++)); do out+="${out:+, }\"10.20.$i.0/24\""; done
  printf '[%s]' "$out"
}
body valid-20-subnets.json <<JSON
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "192.168.0.0/24",
  "local_subnets": $(subnets 20),
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {}
}}
JSON
case_args "$B/valid-20-subnets.json" --role auto --no-zlint --max-connections 50

body valid-password.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.0/25",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106", "source": "CCM"}, "ssl_options": {}
}}
JSON
case_args "$B/valid-password.json" --role auto --no-zlint --max-connections 20

body update-valid.json <<'JSON'
{"vpn_server": {
  "client_cidr": "192.168.0.0/24",
  "local_subnets": ["10.10.1.0/24", "10.10.3.0/24"],
  "ssl_options": {"encryption_algorithm": "AES-256-GCM"}
}}
JSON
# Update bodies: with only fields an Update body can have, client_cidr and local_subnets
# would make --body auto take it for a Create body.
case_args "$B/update-valid.json" --role auto --no-zlint --body update

## One fault each.
body no-server-cert.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.0/16",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "LOCAL_PASSWORD", "ssl_options": {}
}}
JSON

body update-server-cert.json <<'JSON'
{"vpn_server": {
  "server_certificate": {"source": "CCM"},
  "local_subnets": []
}}
JSON
case_args "$B/update-server-cert.json" --role auto --no-zlint --body update

body cert-no-cas.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.0/16",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "CERT",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {},
  "client_ca_certificates": []
}}
JSON

# Eleven distinct client CAs (the certificates of testdata/ca/eleven-cas.pem).
awk -v dir="$WORK" '/-----BEGIN/{n++} {print > (dir "/eleven-" n ".pem")}' "$T/ca/eleven-cas.pem"
{
  printf '{"vpn_server": {\n  "tunnel_protocol": "SSL",\n  "client_cidr": "172.16.0.0/16",\n  "local_subnets": ["10.10.1.0/24"],\n'
  printf '  "client_auth_type": "CERT",\n  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {},\n  "client_ca_certificates": [\n'
  for i in $(seq 1 11); do
    printf '    {"name": "ca-%02d", "content": "%s"}%s\n' "$i" "$(json_pem "$WORK/eleven-$i.pem")" "$([ "$i" -lt 11 ] && echo ,)"
  done
  printf '  ]\n}}\n'
} >"$B/eleven-cas.json"

body cidr-invalid.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.1/16",
  "local_subnets": [
    "10.1.2.300/24",
    "10.1.3.0",
    "fd00::/8",
    "010.1.4.0/24",
    "10.1.5.0/33",
    " 10.1.6.0/24",
    "10.1.7.0/024"
  ],
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {}
}}
JSON

body cidr-reserved.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "169.254.0.0/16",
  "local_subnets": ["10.10.1.0/24", "224.0.0.0/24", "0.0.0.0/0", "127.0.0.0/16"],
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {}
}}
JSON

body cidr-reserved-one-page.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "100.64.0.0/16",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {}
}}
JSON

body too-many-subnets.json <<JSON
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "192.168.0.0/24",
  "local_subnets": $(subnets 21),
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {}
}}
JSON

body duplicate-subnet.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "192.168.0.0/24",
  "local_subnets": ["10.10.1.0/24", "10.10.2.0/24", "10.10.1.0/24"],
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {}
}}
JSON

body overlapping-subnets.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "192.168.0.0/24",
  "local_subnets": ["10.10.0.0/16", "10.10.5.0/24"],
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {}
}}
JSON

body no-local-subnets.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "192.168.0.0/24",
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {}
}}
JSON

cat >"$B/empty-local-subnets.yaml" <<'YAML'
vpn_server:
  tunnel_protocol: SSL
  client_cidr: 192.168.0.0/24
  local_subnets: []
  client_auth_type: LOCAL_PASSWORD
  server_certificate: {id: scs1717051012106}
  ssl_options: {}
YAML

body client-mask.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.0/27",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {}
}}
JSON

body too-small-for-connections.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.0/26",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {}
}}
JSON
case_args "$B/too-small-for-connections.json" --role auto --no-zlint --max-connections 20

body vpc-route-conflict.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.0/16",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {}
}}
JSON
case_args "$B/vpc-route-conflict.json" --role auto --no-zlint --vpc-route 10.0.0.0/16 --vpc-route 172.16.128.0/20

body client-local-overlap.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "10.10.0.0/16",
  "local_subnets": ["10.10.1.0/24", "10.20.0.0/16"],
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {}
}}
JSON

body bad-values.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.0/16",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "PASSWORD",
  "server_certificate": {"id": "scs1717051012106", "source": "UPLOAD"},
  "ssl_options": {"protocol": "UDP", "port": 8443, "encryption_algorithm": "aes-256-gcm", "is_compressed": false}
}}
JSON

body unknown-protocol.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "IPSEC",
  "client_cidr": "172.16.0.0/16",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "CERT"
}}
JSON

body dns-servers.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.0/16",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {},
  "dns_servers": ["100.125.1.250", "8.8.8.300", "2001:db8::53"]
}}
JSON

body wrong-types.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": 172,
  "local_subnets": "10.10.1.0/24",
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": ["scs1717051012106"],
  "ssl_options": {"protocol": "TCP", "port": "443", "is_compressed": "false"},
  "dns_servers": [100]
}}
JSON

body create-missing-fields.json <<'JSON'
{"vpn_server": {
  "client_cidr": "172.16.0.0/16"
}}
JSON
case_args "$B/create-missing-fields.json" --role auto --no-zlint --body create

printf '%s\n' '{"vpn_server": {' '  "tunnel_protocol": "SSL",' '  "client_cidr": "172.16.0.0/16",' \
  '  "local_subnets": ["10.10.1.0/24",],' '  "client_auth_type": "CERT"' '}}' >"$B/malformed.json"

cat >"$B/malformed.yaml" <<'YAML'
vpn_server:
  tunnel_protocol: SSL
  client_cidr: 172.16.0.0/16
   local_subnets:
  - 10.10.1.0/24
YAML

body unknown-field.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.0/16",
  "local_subnets": ["10.10.1.0/24"],
  "local_subnet": ["10.10.2.0/24"],
  "client_auth_type": "LOCAL_PASSWORD",
  "server_certificate": {"id": "scs1717051012106", "type": "CCM"}, "ssl_options": {}
}}
JSON

body duplicate-key.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.0/16",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "LOCAL_PASSWORD",
  "client_cidr": "172.17.0.0/16",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {}
}}
JSON

## Client CA contents and names.
ca_body() { # ca_body NAME: a Create body whose client_ca_certificates is stdin
  body "$1" <<JSON
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.0/16",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "CERT",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {},
  "client_ca_certificates": [
$(cat)
  ]
}}
JSON
}
ca_body ca-name-invalid.json <<'JSON'
    {"name": "my root CA", "content": "@ROOT@"},
    {"name": "", "content": "@OTHER@"},
    {"name": "ca-without-content"}
JSON
ca_body ca-name-chinese.json <<'JSON'
    {"name": "根证书-2026", "content": "@ROOT@"}
JSON
ca_body ca-expired.json <<'JSON'
    {"name": "old-ca", "content": "@FILE:ca/expired.pem@"}
JSON
ca_body ca-leaf.json <<'JSON'
    {"name": "a-leaf", "content": "@FILE:ca/leaf-as-ca.pem@"}
JSON
ca_body ca-weak.json <<'JSON'
    {"content": "@FILE:ca/expired-rsa1024-sha1.pem@"}
JSON
ca_body ca-duplicate.json <<'JSON'
    {"name": "root", "content": "@ROOT@"},
    {"name": "other", "content": "@OTHER@"},
    {"name": "root-again", "content": "@ROOT@"}
JSON
ca_body ca-format.json <<'JSON'
    {"name": "not-pem", "content": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"},
    {"name": "two-blocks", "content": "@ROOT@@OTHER@"},
    {"name": "a-csr", "content": "@FILE:format/csr.pem@"},
    {"name": "bad-base64", "content": "@FILE:format/bad-base64.pem@"},
    {"name": "empty", "content": ""}
JSON
ca_body ca-not-certificate.json <<'JSON'
    {"name": "garbage-der", "content": "@FILE:format/not-a-certificate.pem@"}
JSON
body ca-crlf.json <<JSON
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.0/16",
  "local_subnets": ["10.10.1.0/24"],
  "client_auth_type": "CERT",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {},
  "client_ca_certificates": [{"name": "windows-ca", "content": "$(crlf_pem "$T/pki/root.pem")"}]
}}
JSON

## Combinations: four faults, four findings.
body four-faults.json <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "172.16.0.0/27",
  "local_subnets": ["10.10.1.0/24", "10.10.1.0/24"],
  "client_auth_type": "CERT",
  "server_certificate": {"id": "scs1717051012106"},
  "ssl_options": {"protocol": "TCP", "port": 8080}
}}
JSON

cat >"$B/four-faults.yaml" <<'YAML'
# The YAML form of four-faults.json.
vpn_server:
  tunnel_protocol: SSL
  client_cidr: 172.16.0.0/27
  local_subnets:
    - 10.10.1.0/24
    - 10.10.1.0/24
  client_auth_type: CERT
  server_certificate:
    id: scs1717051012106
  ssl_options:
    protocol: TCP
    port: 8080
YAML

body many-faults-with-routes.yml <<'JSON'
{"vpn_server": {
  "tunnel_protocol": "SSL",
  "client_cidr": "10.0.0.0/26",
  "local_subnets": ["10.0.0.0/24", "127.0.0.1/32"],
  "client_auth_type": "CERT",
  "server_certificate": {"id": "scs1717051012106"}, "ssl_options": {},
  "client_ca_certificates": [{"name": "ca-main", "content": "@ROOT@"}, {"name": "ca-main-2", "content": "@ROOT@"}]
}}
JSON
case_args "$B/many-faults-with-routes.yml" --role auto --no-zlint --max-connections 50 --vpc-route 10.0.0.0/8

## Not a body: named explicitly, it is checked as before (no PEM block: VPN.0074).
printf '%s\n' '{"name": "not a server body", "certificates": []}' >"$B/not-a-body.json"

## YAML: findings inside a block-scalar content point at the content field's line.
{
  cat <<'YAML'
vpn_server:
  client_auth_type: CERT
  client_ca_certificates:
    - name: a-leaf
      content: |
YAML
  yaml_pem "$T/ca/leaf-as-ca.pem" "        "
  cat <<'YAML'
    - name: root
      content: |-
YAML
  yaml_pem "$T/pki/root.pem" "        "
  cat <<'YAML'
    - name: root again
      content: |
YAML
  yaml_pem "$T/pki/root.pem" "        "
} >"$B/update-cas.yaml"
# client_ca_certificates is not in an Update body (VCL.1220); the contents are still checked.
case_args "$B/update-cas.yaml" --role auto --no-zlint --body update
