# The other P2C request bodies (testdata/body/kinds): client CA upload and check, VPN users,
# user groups, membership, access policies and passwords. The JSON bodies are made by the
# huaweicloud Go SDK v3 itself (scripts/sdkbodies-kinds, its own module: the SDK's model
# types encoded by its request code), so they are byte for byte what its client sends; the
# YAML bodies and the ones the SDK cannot make (a wrong type, a malformed body) are written
# here. Client CA contents come from 10-core.sh (testdata/ca): run it after 10-core.sh, or
# alone (TESTDATA=$PWD/testdata bash scripts/gen/56-body-kinds.sh).
set -euo pipefail
T=$TESTDATA
K=$T/body/kinds
clean_fixtures "$K"
mkdir -p "$K"
here=$(cd "$(dirname "$0")/../sdkbodies-kinds" && pwd)
(cd "$here" && GOFLAGS=-mod=mod go run . "$K" "$T/ca/good-rsa3072.pem" "$T/ca/expired.pem" "$T/ca/leaf-as-ca.pem")

# The YAML form of users-valid.json, with one fault per user.
cat >"$K/users-faults.yaml" <<'YAML'
# A batch of VPN users in YAML: a short name, a weak password, a password that is the name.
users:
  - name: bob
    password: Abcdefg1
  - name: carol
    password: abcdefgh
  - name: dave.d
    password: dave.d
    static_ip: Disable
YAML

# A password given as a number: the wrong type, reported without the value.
cat >"$K/user-password-number.yaml" <<'YAML'
user:
  name: alice
  password: 8675309123
YAML

# A typo'd field and a repeated key.
cat >"$K/policy-typo.json" <<'JSON'
{"access_policy": {"name": "p1", "user_group_id": "7625fd92-2e20-4e4d-8c56-66f110fbfaa8",
  "dest_ip_cidr": ["172.16.0.0/24"], "name": "p2"}}
JSON

# Malformed JSON: recognised by its key, reported with line and column.
cat >"$K/malformed-user.json" <<'JSON'
{"user": {"name": "alice",
  "password": "Abcdefg1",,
}}
JSON

# --body create: the required fields of a Create body.
echo '{"access_policy": {"description": "no name, no group, no CIDRs"}}' >"$K/policy-create-missing.json"
case_args "$K/policy-create-missing.json" --role auto --no-zlint --body create
echo '{"client_ca_certificate": {"name": "only-a-name"}}' >"$K/ca-create-no-content.json"
case_args "$K/ca-create-no-content.json" --role auto --no-zlint --body create
